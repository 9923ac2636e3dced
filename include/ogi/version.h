/*
 * version.h - the version of ogi's parser: stored with every record it
 * made (records.parser_version), and what `ogi reparse` compares with.
 * Raise it whenever the parser may read a document differently.
 */
#ifndef OGI_VERSION_H
#define OGI_VERSION_H

#define OGI_PARSER_VERSION "0.1.0"

#endif /* OGI_VERSION_H */
