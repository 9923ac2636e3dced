/*
 * runon_int.h - the run-on reader's words and tokens, shared by its reading
 * and its probe (read_runon.c) and defined in runon_words.c.
 */
#ifndef OGI_RUNON_INT_H
#define OGI_RUNON_INT_H

#include <stddef.h>
#include <stdint.h>

#define MAX_WORDS     512
#define MAX_WORD      192  /* bytes of a folded word */
#define MAX_SPLIT_LEN 1024 /* longer text is prose: not cut into words */
#define MAX_MARKS                                                              \
    12 /* placeholder marks run together: more are a                           \
          rule drawn with dashes */
#define LONG_RUN                                                               \
    11 /* digits no one cell holds: Table 4's fifteen                          \
          cells, Table 3's seven */

typedef struct {
    char s[MAX_WORD];
    size_t n;
    size_t chars; /* code points: two or fewer ("规章", "其他", "总计") are
                     too common inside other text to cut anywhere */
    uint32_t head;  /* its first three bytes (all, when fewer), byte k at
                       bits 8k: most words that begin with a lead byte
                       differ from a place in the next two */
    uint32_t hmask; /* the bits of head that are the word's */
} word_t;

typedef enum {
    TK_TEXT = 0, /* label text */
    TK_RUN,      /* digits of one or more cells */
    TK_PLACE,    /* a placeholder standing for a cell */
} tk_kind_t;

typedef struct {
    tk_kind_t kind;
    size_t a, b; /* [a, b) in the text */
} token_t;

/* Loads the format's words once per process (thread-safe). */
void ogi__runon_words_init(void);

/* The format's word starting at s[i] (before end), or NULL; a word of
 * two characters or fewer only when short_ok. */
const word_t *ogi__runon_word_at(const char *s, size_t i, size_t end,
                                 int short_ok);

/* Whether s[i] (before end) is an ASCII digit. */
int ogi__runon_is_digit_at(const char *s, size_t i, size_t end);
/* Whether c is a space or tab. */
int ogi__runon_is_blank_char(char c);
/* Whether s[i..end) starts with lit. */
int ogi__runon_starts(const char *s, size_t i, size_t end, const char *lit);
/* Length of a row numbering's separator at s[i] ("." or "、"), else 0. */
size_t ogi__runon_numbering_sep(const char *s, size_t i, size_t end);
/* The next token of s[*pos, end) (the line starting at start) into *tk,
 * *pos past it; 0 at the end. */
int ogi__runon_next_token(const char *s, size_t *pos, size_t start, size_t end,
                          token_t *tk);

#endif /* OGI_RUNON_INT_H */
