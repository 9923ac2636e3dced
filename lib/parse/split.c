/* split.c - runs of digits into cells (split_int.h). Not built yet: every
 * run is left unsplit and flagged. */
#include "ogi_int.h"

#include "ogi/error.h"
#include "split_int.h"

int
ogi__split_runs(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                const ogi__split_span_t *spans, size_t n)
{
    (void)g;
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t i = 0; i < n; i++) {
        char path[128];
        size_t row = spans[i].first / sk->ncols;
        ogi_report_path(id, row, -1, path, sizeof(path));
        int rc = ogi_report_add_finding(
            r, "P8", OGI_SEV_WARNING, path,
            "digits of %zu cells run together; left unsplit", spans[i].ncells);
        if (rc)
            return rc;
    }
    return 0;
}
