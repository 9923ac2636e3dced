/* inputs.c - the files a command reads reports from (inputs.h). */
#include "inputs.h"

#include <stdio.h>

int
ogi_inputs_open(const char *cmd, char *const *names, size_t n, ogi_inputs_t *in)
{
    char why[512];
    int rc = ogi_source_list((const char *const *)names, n, &in->list, why,
                             sizeof(why));
    if (rc) {
        fprintf(stderr, "ogi %s: %s\n", cmd,
                rc == OGI_EIO ? why : ogi_strerror(rc));
        return -1;
    }
    in->arena = ogi_arena_new(0);
    in->reasons = ogi_reasons_create();
    if (!in->arena || !in->reasons) {
        fprintf(stderr, "ogi %s: out of memory\n", cmd);
        ogi_inputs_close(in);
        return -1;
    }
    return 0;
}

void
ogi_inputs_close(ogi_inputs_t *in)
{
    ogi_arena_destroy(&in->arena);
    ogi_reasons_destroy(&in->reasons);
    ogi_source_list_free(&in->list);
}
