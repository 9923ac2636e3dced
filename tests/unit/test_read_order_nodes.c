/*
 * test_read_order_nodes.c - the reading-order reader
 * (lib/form/read_order*.c) on a crawler's text one node a line: no blank
 * lines, a row's label then its values, an empty cell's node dropped.
 * The text is a generated page's Table 2 (2021's items) as such a
 * crawler writes it; the expected cells are its truth.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/error.h"
#include "ogi/text.h"
#include "reader_int.h"

/* Reads in with the reading-order reader into *tb (arena a). */
static void
read_text(ogi_arena_t *a, const char *in, ogi__table_t *tb)
{
    ogi_text_t *t = ogi_arena_alloc(a, sizeof(*t));
    assert_non_null(t);
    char why[160];
    assert_int_equal(ogi_text_decode(a, in, strlen(in), 0, t, why, sizeof(why)),
                     0);
    ogi__table_init(tb, a, t);
    assert_int_equal(ogi__reader_find("order")->read(tb, t, 0, t->nlines), 0);
}

/* The row of tb whose first cell is label (the test fails without one). */
static ogi__row_t
row_of(const ogi__table_t *tb, const char *label)
{
    size_t n = strlen(label);
    for (size_t r = 0; r < tb->nrows; r++) {
        const ogi__cell_t *c = &tb->cells[tb->rows[r].first];
        if (tb->rows[r].count && c->n == n && memcmp(c->s, label, n) == 0)
            return tb->rows[r];
    }
    fail_msg("no row labelled %s", label);
    return (ogi__row_t){0};
}

/*
 * Table 2's last row, 行政事业性收费, has its amount blank: the crawler
 * dropped the cell's node, so the label is the region's last line. Every
 * other row has all its values after its label: the row is read with a
 * blank cell (empty, not missing), the others with their values.
 */
static void
t2_last_row_blank(void **state)
{
    (void)state;
    static const char in[] = "第二十条第（一）项\n信息内容\n本年制发件数\n"
                             "本年\n废止件数\n现行有\n效件数\n规章\n0\n0\n0\n"
                             "行政规范性文件\n1\n7\n8\n第二十条第（五）项\n"
                             "信息内容\n本年处理决定数量\n行政许可\n6766\n"
                             "第二十条第（六）项\n信息\n内容\n本年处理决定数量\n"
                             "行政处罚\n1539\n行政强制\n-17\n"
                             "第二十条第（八）项\n信息内\n容\n本年收费金额（\n"
                             "单位：万元）\n行政事业性收费\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, &tb);
    ogi__row_t fees = row_of(&tb, "行政事业性收费");
    assert_int_equal(fees.count, 2);
    assert_int_equal(tb.cells[fees.first + 1].kind, OGI__CELL_BLANK);
    ogi__row_t docs = row_of(&tb, "行政规范性文件");
    assert_int_equal(docs.count, 4);
    static const int64_t want[] = {1, 7, 8};
    for (size_t c = 0; c < 3; c++) {
        const ogi__cell_t *x = &tb.cells[docs.first + 1 + c];
        assert_int_equal(x->kind, OGI__CELL_VALUE);
        assert_int_equal(x->num.value, want[c]);
    }
    ogi__row_t coerce = row_of(&tb, "行政强制");
    assert_int_equal(coerce.count, 2);
    assert_int_equal(tb.cells[coerce.first + 1].num.value, -17);
    ogi_arena_destroy(&a);
}

/*
 * The same text with the amount's node kept: nothing is blank, every row
 * has its values (read by the format's order as before).
 */
static void
t2_last_row_kept(void **state)
{
    (void)state;
    static const char in[] = "第二十条第（一）项\n信息内容\n本年制发件数\n"
                             "本年\n废止件数\n现行有\n效件数\n规章\n0\n0\n0\n"
                             "行政规范性文件\n1\n7\n8\n第二十条第（五）项\n"
                             "信息内容\n本年处理决定数量\n行政许可\n6766\n"
                             "第二十条第（六）项\n信息\n内容\n本年处理决定数量\n"
                             "行政处罚\n1539\n行政强制\n-17\n"
                             "第二十条第（八）项\n信息内\n容\n本年收费金额（\n"
                             "单位：万元）\n行政事业性收费\n20\n";
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi__table_t tb;
    read_text(a, in, &tb);
    ogi__row_t fees = row_of(&tb, "行政事业性收费");
    assert_int_equal(fees.count, 2);
    assert_int_equal(tb.cells[fees.first + 1].kind, OGI__CELL_VALUE);
    assert_int_equal(tb.cells[fees.first + 1].num.value, 20);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t2_last_row_blank),
        cmocka_unit_test(t2_last_row_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
