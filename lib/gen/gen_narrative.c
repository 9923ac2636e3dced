/*
 * gen_narrative.c - the narrative of a generated report: the six
 * sections' text, with the figures it quotes from the tables recorded as
 * facts so that the truth's narrative findings (N1-N6, C8) follow from
 * them (gen_int.h).
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "gen_int.h"
#include "ogi/error.h"

/* ---- the narrative ---- */

/* A figure as the text writes it: "26102", "8265.5", "16769302.17". */
static char *
fig(ogi__gen_t *g, int64_t v, int scale)
{
    if (scale == 0)
        return ogi__gen_strf(g, "%lld", (long long)v);
    int64_t p = 1;
    for (int i = 0; i < scale; i++)
        p *= 10;
    return ogi__gen_strf(g, "%lld.%0*lld", (long long)(v / p), scale,
                         (long long)(v % p));
}

/* The cell when it holds a number the narrative may quote (>= 0). */
static const ogi_cell_t *
quotable(ogi__gen_t *g, ogi_table_id_t id, const char *row, const char *col)
{
    const ogi_cell_t *c =
        ogi__gen_cell(g, id, (size_t)ogi__gen_row_of(id, row), ogi__gen_col_of(id, col));
    return c->state == OGI_CELL_NUM && c->value >= 0 ? c : NULL;
}

/* Registers a figure quoted by the narrative; returns its slot for the
 * placeholder "@F<n>@" the paragraph writes in its place. */
static ogi__fact_t *
fact(ogi__gen_t *g, const char *rule, const char *path, int64_t v, int scale)
{
    if (g->nfacts == OGI__MAX_FACTS)
        return NULL;
    ogi__fact_t *f = &g->facts[g->nfacts++];
    memset(f, 0, sizeof(*f));
    f->rule = rule;
    snprintf(f->path, sizeof(f->path), "%s", path);
    f->value = v;
    f->scale = scale;
    f->avoid[f->navoid++] = v;
    return f;
}

static void
para(ogi__gen_t *g, ogi_section_id_t s, const char *text)
{
    if (text && g->nparas[s] < OGI__MAX_PARAS)
        g->paras[s][g->nparas[s]++] = text;
}

/* The opening paragraph of section 一. */
static char *
opening(ogi__gen_t *g)
{
    switch (rnd(g, 0, 2)) {
        case 0: {
            /* a provincial document number (黑政办发〔2020〕22号, seed 0) */
            const char *pname, *pabbr;
            ogi__gen_province(g, &pname, &pabbr);
            return ogi__gen_strf(
                g,
                "%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》（以下"
                "简称《条例》）和《%s%d年政务公开工作要点》（%s政办发〔%d〕%"
                "d号）"
                "的部署要求，坚持以公开为常态、不公开为例外，全面推进决策、执行"
                "、"
                "管理、服务、结果公开，政府信息公开工作取得新成效。",
                g->year, g->we, pname, g->year, pabbr, g->year,
                (int)rnd(g, 3, 40));
        }
        case 1:
            return ogi__gen_strf(
                g,
                "%d年，%s以习近平新时代中国特色社会主义思想为指导，严格落实"
                "《条例》各项规定，紧紧围绕中心工作，加大公开力度，回应社会关切"
                "，"
                "切实提高政府信息公开的质量和实效。",
                g->year, g->we);
        default:
            return ogi__gen_strf(
                g,
                "%d年，在上级政务公开主管部门的指导下，%s扎实推进政府信息公开"
                "各项工作，进一步规范公开程序、拓展公开渠道、强化监督保障，保障"
                "人民群众的知情权、参与权、表达权和监督权。",
                g->year, g->we);
    }
}

static const char *const manage_texts[] = {
    "（三）政府信息管理。严格落实“先审查、后公开”和“一事一审”原则，对拟"
    "公开的政府信息逐条进行保密审查，动态调整主动公开基本目录，规范政府信息"
    "公开属性源头认定。",
    "（三）政府信息管理。健全政府信息公开审查机制，明确公开属性认定、保密"
    "审查和发布审核的责任分工，定期清理已公开信息，确保信息准确、完整、"
    "及时。",
};

static const char *const platform_texts[] = {
    "（四）政府信息公开平台建设。持续优化政府门户网站政府信息公开专栏，"
    "完善栏目设置，加强政务新媒体管理，做好网站安全防护，全年网站平台运行"
    "平稳。",
    "（四）政府信息公开平台建设。推进政府网站集约化建设，规范政务新媒体"
    "运维，依托政务服务中心设置政府信息公开查阅点，方便群众查阅。",
};

/* 监督保障, with a count that no rule reads. */
static char *
supervise(ogi__gen_t *g)
{
    int n = (int)rnd(g, 1, 9);
    if (chance(g, 1, 2))
        return ogi__gen_strf(
            g,
            "（五）监督保障。将政务公开工作纳入年度绩效考核，定期通报检查"
            "情况，全年组织业务培训%d次，未发生因政务公开工作不到位被追责的"
            "情况。",
            n);
    return ogi__gen_strf(
        g,
        "（五）监督保障。建立健全政务公开工作考核评议制度，主动接受社会"
        "监督，全年开展专项检查%d次，及时督促整改发现的问题。",
        n);
}

static const char *const problem_texts[] = {
    "（一）存在的主要问题。一是政策解读形式较为单一，图解、视频等解读方式"
    "运用不多；二是部分单位信息更新不够及时；三是依申请公开答复的规范化"
    "水平有待提高。",
    "（一）存在的问题。对照新要求，政府信息公开工作还存在一些不足：公开内容"
    "的深度和广度不够，基层政务公开标准化规范化建设有待加强，工作人员业务"
    "能力仍需提升。",
};

static const char *const improve_texts[] = {
    "（二）改进情况。针对上一年度存在的问题，我们丰富了政策解读形式，加强"
    "了对各单位的指导和督查。下一步，将持续加强业务培训，定期通报信息更新"
    "情况，推动政务公开工作提质增效。",
    "（二）改进措施。下一步，将进一步完善政府信息公开制度机制，加强政策"
    "解读和回应关切，强化平台建设和人员培训，不断提升政务公开工作水平。",
};

/* "@F<n>@" in the paragraph stands for fact n's figure. */
static char *
with_fact(ogi__gen_t *g, ogi__fact_t *f, const char *fmt_before,
          const char *after)
{
    if (!f)
        return NULL;
    return ogi__gen_strf(g, "%s@F%zu@%s", fmt_before, (size_t)(f - g->facts),
                         after);
}

void
ogi__gen_write_overview(ogi__gen_t *g)
{
    ogi_section_id_t s = OGI_SEC_OVERVIEW;
    para(g, s, opening(g));

    /* (一) 主动公开: a C8 list that adds up */
    int64_t a = ogi__gen_skew(g, ogi__gen_level_scale(g, 3000, 2000, 800, 60, 300)) + 3;
    int64_t b = ogi__gen_skew(g, a / 2 + 5) + 1, c = ogi__gen_skew(g, a) + 2;
    ogi__sb_t p;
    ogi__sb_init(&p, g->arena);
    ogi__sb_addf(&p,
                 "（一）主动公开情况。%d年，%s通过政府门户网站主动公开政府信息"
                 "%lld条，其中政策文件%lld条、工作动态%lld条、通知公告%lld条。",
                 g->year, g->we, (long long)(a + b + c), (long long)a,
                 (long long)b, (long long)c);
    ogi_table_id_t t1 =
        g->format == OGI_FORMAT_2019 ? OGI_T2_19_1 : OGI_T2_21_1;
    const char *col = g->format == OGI_FORMAT_2019 ? "new_made" : "issued";
    const ogi_cell_t *cd = quotable(g, t1, "normative_docs", col);
    if (cd && chance(g, 3, 4)) {
        char path[96];
        snprintf(path, sizeof(path), "active.a20_1.normative_docs.%s", col);
        ogi__fact_t *f = fact(g, "N6", path, cd->value, 0);
        /* any column of the row passes */
        if (f) {
            static const char *const cols19[] = {"new_published",
                                                 "total_published"};
            static const char *const cols21[] = {"repealed", "in_force"};
            for (size_t i = 0; i < 2; i++) {
                const ogi_cell_t *o = quotable(
                    g, t1, "normative_docs",
                    g->format == OGI_FORMAT_2019 ? cols19[i] : cols21[i]);
                if (o && f->navoid < OGI_ARRAY_LEN(f->avoid))
                    f->avoid[f->navoid++] = o->value;
            }
            char *x = with_fact(
                g, f,
                ogi__gen_strf(g, "全年制发%s",
                              ogi__gen_row_words(t1, "normative_docs")),
                "件。");
            if (x)
                ogi__sb_add(&p, x);
        }
    }
    para(g, s, ogi__gen_sb(g, &p));

    /* (二) 依申请公开: N1, N2, N3 */
    ogi__sb_init(&p, g->arena);
    ogi__sb_add(&p, "（二）依申请公开情况。");
    size_t tc = ogi__gen_col_of(OGI_T3, "total");
    const ogi_cell_t *nr =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "new_received"), tc);
    const ogi_cell_t *co =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "carried_over"), tc);
    const ogi_cell_t *rt =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "result_total"), tc);
    const ogi_cell_t *cf =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "carry_forward"), tc);
    if (nr->state == OGI_CELL_NUM && nr->value >= 0) {
        ogi__fact_t *f =
            fact(g, "N1", "apply.new_received.total", nr->value, 0);
        if (f && co->state == OGI_CELL_NUM)
            f->avoid[f->navoid++] = nr->value + co->value;
        ogi__sb_add(&p, with_fact(g, f, "全年共受理政府信息公开申请", "件"));
        if (rt->state == OGI_CELL_NUM && rt->value >= 0) {
            ogi__fact_t *h =
                fact(g, "N2", "apply.result_total.total", rt->value, 0);
            ogi__sb_add(&p, with_fact(g, h, "，办结", "件"));
        }
        if (cf->state == OGI_CELL_NUM && cf->value > 0) {
            ogi__fact_t *h =
                fact(g, "N3", "apply.carry_forward.total", cf->value, 0);
            ogi__sb_add(
                &p, with_fact(g, h,
                              ogi__gen_strf(
                                  g, "，%s",
                                  ogi__gen_row_words(OGI_T3, "carry_forward")),
                              "件"));
        }
        ogi__sb_add(&p, "。");
    }
    ogi__sb_add(&p, "进一步规范依申请公开受理、审查、答复等环节，按照法定时限"
                    "答复申请人。");
    para(g, s, ogi__gen_sb(g, &p));
    para(g, s, OGI__PICK(&g->rng, manage_texts));
    para(g, s, OGI__PICK(&g->rng, platform_texts));
    para(g, s, supervise(g));
}

void
ogi__gen_write_active(ogi__gen_t *g)
{
    ogi_section_id_t s = OGI_SEC_ACTIVE;
    if (chance(g, 1, 2))
        return; /* many reports go straight to the table */
    ogi_table_id_t t5 =
        g->format == OGI_FORMAT_2019 ? OGI_T2_19_5 : OGI_T2_21_5;
    ogi_table_id_t t6 =
        g->format == OGI_FORMAT_2019 ? OGI_T2_19_6 : OGI_T2_21_6;
    ogi__sb_t p;
    ogi__sb_init(&p, g->arena);
    ogi__sb_addf(&p, "%d年，%s", g->year, g->we);
    static const struct {
        int t6;
        const char *row, *before, *after;
    } items[] = {{0, "license", "主动公开", "处理决定"},
                 {1, "penalty", "", "决定"},
                 {1, "coercion", "", "决定"}};
    int any = 0;
    for (size_t i = 0; i < OGI_ARRAY_LEN(items); i++) {
        ogi_table_id_t id = items[i].t6 ? t6 : t5;
        const ogi_cell_t *c = quotable(g, id, items[i].row, "decisions");
        if (!c)
            break;
        char path[96];
        snprintf(path, sizeof(path), "%s.%s.decisions",
                 ogi_skeleton_table(id)->path, items[i].row);
        ogi__fact_t *f = fact(g, "N6", path, c->value, 0);
        if (f && g->format == OGI_FORMAT_2019) {
            /* the 2019 format also lets it mean the items (last year's,
             * the change, or this year's): a wrong figure is none of them */
            const ogi_cell_t *pv = quotable(g, id, items[i].row, "prev_items");
            const ogi_cell_t *dl =
                ogi__gen_cell(g, id, (size_t)ogi__gen_row_of(id, items[i].row),
                              ogi__gen_col_of(id, "delta_items"));
            if (dl->state == OGI_CELL_NUM)
                f->avoid[f->navoid++] = dl->value;
            if (pv) {
                f->avoid[f->navoid++] = pv->value;
                if (dl->state == OGI_CELL_NUM)
                    f->avoid[f->navoid++] = pv->value + dl->value;
            }
        }
        const char *prefix =
            ogi__gen_strf(g, "%s%s%s%s", any ? "、" : "", items[i].before,
                          ogi__gen_row_words(id, items[i].row), items[i].after);
        char *x = prefix ? with_fact(g, f, prefix, "件") : NULL;
        if (!x)
            break;
        ogi__sb_add(&p, x);
        any = 1;
    }
    if (!any)
        return;
    ogi__sb_add(&p, "。");
    if (g->format == OGI_FORMAT_2019) {
        const ogi_cell_t *pj =
            quotable(g, OGI_T2_19_9, "central_procurement", "projects");
        const ogi_cell_t *am =
            quotable(g, OGI_T2_19_9, "central_procurement", "amount");
        if (pj && am && pj->value > 0 && chance(g, 2, 3)) {
            ogi__fact_t *f =
                fact(g, "N6", "active.a20_9.central_procurement.projects",
                     pj->value, 0);
            const char *proj =
                chance(g, 1, 2)
                    ? ogi__gen_strf(g, "全年%s项目",
                                    ogi__gen_row_words(OGI_T2_19_9,
                                                       "central_procurement"))
                    : ogi__gen_strf(g, "全年%s",
                                    ogi_skeleton_table(OGI_T2_19_9)
                                        ->cols[ogi__gen_col_of(OGI_T2_19_9, "projects")]
                                        .label);
            ogi__sb_add(&p, with_fact(g, f, proj, "项"));
            ogi_unit_t u = am->unit ? (ogi_unit_t)am->unit
                                    : g->truth->tables[OGI_T2_19_9].unit;
            ogi__fact_t *h =
                fact(g, "N6", "active.a20_9.central_procurement.amount",
                     am->value, am->scale);
            if (h)
                h->amount = 1;
            ogi__sb_add(
                &p,
                with_fact(
                    g, h,
                    ogi__gen_strf(g, "，%s",
                                  ogi_skeleton_table(OGI_T2_19_9)
                                      ->cols[ogi__gen_col_of(OGI_T2_19_9, "amount")]
                                      .label),
                    u == OGI_UNIT_WAN_YUAN
                        ? ogi__gen_strf(g, "%s。", ogi__gen_furniture.wan)
                        : ogi__gen_strf(g, "%s。", ogi__gen_furniture.yuan)));
        }
        const ogi_cell_t *fp =
            quotable(g, OGI_T2_19_8, "admin_fees", "prev_items");
        if (fp && chance(g, 1, 2)) {
            ogi__fact_t *f = fact(g, "N6", "active.a20_8.admin_fees.prev_items",
                                  fp->value, 0);
            const ogi_cell_t *dl = ogi__gen_cell(
                g, OGI_T2_19_8, (size_t)ogi__gen_row_of(OGI_T2_19_8, "admin_fees"),
                ogi__gen_col_of(OGI_T2_19_8, "delta_items"));
            if (f && dl->state == OGI_CELL_NUM) {
                f->avoid[f->navoid++] = dl->value;
                f->avoid[f->navoid++] = fp->value + dl->value;
            }
            ogi__sb_add(
                &p, with_fact(g, f,
                              ogi__gen_strf(g, "公开%s项目",
                                            ogi__gen_row_words(OGI_T2_19_8,
                                                               "admin_fees")),
                              "项。"));
        }
    } else if (g->error != OGI_GEN_ERR_FEE_YUAN) {
        const ogi_cell_t *fee =
            quotable(g, OGI_T2_21_8, "admin_fees", "amount_wan");
        if (fee && fee->value > 0 && chance(g, 1, 2)) {
            ogi__fact_t *f = fact(g, "N6", "active.a20_8.admin_fees.amount_wan",
                                  fee->value, fee->scale);
            if (f)
                f->amount = 1;
            ogi__sb_add(
                &p,
                with_fact(g, f,
                          ogi__gen_strf(
                              g, "全年收取%s",
                              ogi__gen_row_words(OGI_T2_21_8, "admin_fees")),
                          ogi__gen_strf(g, "%s。", ogi__gen_furniture.wan)));
        }
    }
    para(g, s, ogi__gen_sb(g, &p));
}

void
ogi__gen_write_apply(ogi__gen_t *g)
{
    size_t tc = ogi__gen_col_of(OGI_T3, "total");
    const ogi_cell_t *nr =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "new_received"), tc);
    if (nr->state != OGI_CELL_NUM || nr->value < 0 || chance(g, 1, 2))
        return;
    ogi__fact_t *f = fact(g, "N1", "apply.new_received.total", nr->value, 0);
    const ogi_cell_t *co =
        ogi__gen_cell(g, OGI_T3, (size_t)ogi__gen_row_of(OGI_T3, "carried_over"), tc);
    if (f && co->state == OGI_CELL_NUM)
        f->avoid[f->navoid++] = nr->value + co->value;
    para(g, OGI_SEC_APPLY,
         with_fact(
             g, f,
             ogi__gen_strf(g, "%d年，%s共收到政府信息公开申请", g->year, g->we),
             "件。"));
}

void
ogi__gen_write_appeal(ogi__gen_t *g)
{
    ogi_section_id_t s = OGI_SEC_APPEAL;
    if (chance(g, 1, 3))
        return;
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T4);
    size_t tc = sk->ncols - 1;
    const ogi_cell_t *rv = ogi__gen_cell(g, OGI_T4, 0, tc);
    const ogi_cell_t *sd = ogi__gen_cell(g, OGI_T4, 1, tc);
    const ogi_cell_t *sa = ogi__gen_cell(g, OGI_T4, 2, tc);
    int nums = rv->state == OGI_CELL_NUM && sd->state == OGI_CELL_NUM &&
               sa->state == OGI_CELL_NUM && rv->value >= 0 && sd->value >= 0 &&
               sa->value >= 0;
    if (nums && rv->value == 0 && sd->value + sa->value == 0) {
        para(g, s,
             ogi__gen_strf(g,
                           "%d年，%s未发生因政府信息公开工作被申请%s、提起%s"
                           "的情况。",
                           g->year, g->we,
                           ogi_skeleton_table(OGI_T4)->rows[0].label,
                           ogi__gen_furniture.suit));
        return;
    }
    if (!nums)
        return;
    ogi__fact_t *f = fact(g, "N4", "appeal.review.total", rv->value, 0);
    ogi__fact_t *h =
        fact(g, "N5", "appeal.suit_direct.total", sd->value + sa->value, 0);
    char *a = with_fact(
        g, f,
        ogi__gen_strf(g, "%d年，%s发生政府信息公开%s案件", g->year, g->we,
                      ogi_skeleton_table(OGI_T4)->rows[0].label),
        "件");
    char *b = with_fact(
        g, h, ogi__gen_strf(g, "，%s案件", ogi__gen_furniture.suit), "件。");
    if (a && b)
        para(g, s, ogi__gen_strf(g, "%s%s", a, b));
}

void
ogi__gen_write_problems(ogi__gen_t *g)
{
    para(g, OGI_SEC_PROBLEMS, OGI__PICK(&g->rng, problem_texts));
    para(g, OGI_SEC_PROBLEMS, OGI__PICK(&g->rng, improve_texts));
}

void
ogi__gen_write_other(ogi__gen_t *g)
{
    ogi_section_id_t s = OGI_SEC_OTHER;
    if (g->format == OGI_FORMAT_2021) {
        /* S4: the 信息处理费 of 国办函〔2020〕109号, most reports say so */
        if (chance(g, 9, 10))
            para(g, s,
                 chance(g, 3, 4)
                     ? ogi__gen_strf(g,
                                     "%d年度，%s未收取政府信息公开信息处理费。",
                                     g->year, g->we)
                     : ogi__gen_strf(g,
                                     "%d年，%s依据《政府信息公开信息处理费管理"
                                     "办法》收取信息处理费%d元。",
                                     g->year, g->we, (int)rnd(g, 1, 30) * 100));
        else
            para(g, s, "无其他需要报告的事项。");
    } else {
        para(g, s, chance(g, 1, 2) ? "无。" : "无其他需要报告的事项。");
    }
    if (g->contact_in_other)
        para(g, s,
             ogi__gen_strf(g, "政府信息公开工作联系电话：%s。",
                           g->phone_printed));
}

/* Writes the facts' figures into the paragraphs ("@F3@" → "3119"); the
 * injected narrative error writes one of them wrong. */
int
ogi__gen_fill_facts(ogi__gen_t *g)
{
    if (g->error == OGI_GEN_ERR_NARRATIVE) {
        if (g->nfacts == 0) {
            g->error = OGI_GEN_ERR_NONE;
        } else {
            ogi__fact_t *f = &g->facts[rnd(g, 0, (int64_t)g->nfacts - 1)];
            int64_t v;
            int ok;
            do {
                int64_t step = 1;
                for (int i = 0; i < f->scale; i++)
                    step *= 10;
                int64_t off = rnd(g, 1, 99) + f->value / 10;
                v = f->value + off * (chance(g, 1, 2) ? 1 : step);
                ok = 1;
                for (size_t i = 0; i < f->navoid; i++)
                    ok &= v != f->avoid[i];
            } while (!ok);
            g->error_detail = ogi__gen_strf(
                g, "narrative quotes %s as %s (table: %s)", f->path,
                fig(g, v, f->scale), fig(g, f->value, f->scale));
            f->value = v;
            f->wrong = 1;
        }
    }
    for (int s = 0; s < OGI_SEC_COUNT; s++) {
        for (size_t i = 0; i < g->nparas[s]; i++) {
            const char *t = g->paras[s][i];
            if (!t || !strstr(t, "@F"))
                continue;
            ogi__sb_t b;
            ogi__sb_init(&b, g->arena);
            for (const char *p = t; *p;) {
                const char *q = strstr(p, "@F");
                if (!q) {
                    ogi__sb_add(&b, p);
                    break;
                }
                ogi__sb_addn(&b, p, (size_t)(q - p));
                size_t k = 0;
                q += 2;
                while (*q >= '0' && *q <= '9')
                    k = k * 10 + (size_t)(*q++ - '0');
                if (*q == '@')
                    q++;
                if (k < g->nfacts) {
                    const char *x =
                        fig(g, g->facts[k].value, g->facts[k].scale);
                    if (x)
                        ogi__sb_add(&b, x);
                }
                p = q;
            }
            g->paras[s][i] = ogi__gen_sb(g, &b);
            if (!g->paras[s][i])
                return OGI_ENOMEM;
        }
    }
    return 0;
}

