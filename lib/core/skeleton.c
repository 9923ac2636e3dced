/*
 * skeleton.c - the two official formats as data (README "The report format").
 *
 * Labels are written as the templates print them; the parser normalises
 * width, spaces and punctuation before comparing, so variants listed here
 * are only those that differ in words ("本年增" for "本年增/减").
 */
#include "ogi_int.h"

#include <pthread.h>
#include <string.h>

#include "ogi/skeleton.h"

#define NOV NULL /* no variants */
#define V(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- Table 2, format 2019 (60号) ---- */

static const ogi_skel_col_t cols19_1[] = {
    {"new_made", "本年新制作数量", NOV, OGI_VT_COUNT},
    {"new_published", "本年新公开数量", NOV, OGI_VT_COUNT},
    {"total_published", "对外公开总数量", NOV, OGI_VT_COUNT},
};
static const ogi_skel_row_t rows19_1[] = {
    {"rules", "", "规章", NOV, 0},
    {"normative_docs", "", "规范性文件", V("行政规范性文件"), 0},
};

static const ogi_skel_col_t cols19_56[] = {
    {"prev_items", "上一年项目数量", NOV, OGI_VT_COUNT},
    {"delta_items", "本年增/减", V("本年增减", "本年增"), OGI_VT_SIGNED},
    {"decisions", "处理决定数量", NOV, OGI_VT_COUNT},
};
static const ogi_skel_row_t rows19_5[] = {
    {"license", "", "行政许可", NOV, 0},
    {"other_services", "", "其他对外管理服务事项", NOV, 0},
};
static const ogi_skel_row_t rows19_6[] = {
    {"penalty", "", "行政处罚", NOV, 0},
    {"coercion", "", "行政强制", NOV, 0},
};

static const ogi_skel_col_t cols19_8[] = {
    {"prev_items", "上一年项目数量", NOV, OGI_VT_COUNT},
    {"delta_items", "本年增/减", V("本年增减", "本年增"), OGI_VT_SIGNED},
};
static const ogi_skel_row_t rows19_8[] = {
    {"admin_fees", "", "行政事业性收费", NOV, 0},
};

static const ogi_skel_col_t cols19_9[] = {
    {"projects", "采购项目数量", NOV, OGI_VT_COUNT},
    {"amount", "采购总金额", NOV, OGI_VT_AMOUNT},
};
static const ogi_skel_row_t rows19_9[] = {
    {"central_procurement", "", "政府集中采购", NOV, 0},
};

/* ---- Table 2, format 2021 (30号) ---- */

static const ogi_skel_col_t cols21_1[] = {
    {"issued", "本年制发件数", NOV, OGI_VT_COUNT},
    {"repealed", "本年废止件数", NOV, OGI_VT_COUNT},
    {"in_force", "现行有效件数", NOV, OGI_VT_COUNT},
};
static const ogi_skel_row_t rows21_1[] = {
    {"rules", "", "规章", NOV, 0},
    {"normative_docs", "", "行政规范性文件", V("规范性文件"), 0},
};
static const ogi_skel_col_t cols21_56[] = {
    {"decisions", "本年处理决定数量", V("处理决定数量"), OGI_VT_COUNT},
};
static const ogi_skel_row_t rows21_5[] = {
    {"license", "", "行政许可", NOV, 0},
};
static const ogi_skel_col_t cols21_8[] = {
    {"amount_wan", "本年收费金额（单位：万元）", V("本年收费金额"),
     OGI_VT_AMOUNT_WAN},
};
static const ogi_skel_row_t rows21_8[] = {
    {"admin_fees", "", "行政事业性收费", NOV, 0},
};

/* ---- Table 3 (both formats; （六） differs) ---- */

static const ogi_skel_col_t cols3[] = {
    {"natural_person", "自然人", NOV, OGI_VT_COUNT},
    {"commercial", "商业企业", NOV, OGI_VT_COUNT},
    {"research", "科研机构", NOV, OGI_VT_COUNT},
    {"public_interest", "社会公益组织", NOV, OGI_VT_COUNT},
    {"legal_service", "法律服务机构", NOV, OGI_VT_COUNT},
    {"other_org", "其他", NOV, OGI_VT_COUNT},
    {"total", "总计", NOV, OGI_VT_COUNT},
};

static const ogi_skel_row_t rows3[] = {
    {"new_received", "一、", "本年新收政府信息公开申请数量", NOV, 0},
    {"carried_over", "二、", "上年结转政府信息公开申请数量", NOV, 0},
    {"", "三、", "本年度办理结果", NOV, OGI_ROW_GROUP},
    {"granted", "（一）", "予以公开", NOV, 0},
    {"partial", "（二）",
     "部分公开（区分处理的，只计这一情形，不计其他情形）", V("部分公开"), 0},
    {"", "（三）", "不予公开", NOV, OGI_ROW_GROUP},
    {"denied.state_secret", "1.", "属于国家秘密", NOV, 0},
    {"denied.law_forbidden", "2.", "其他法律行政法规禁止公开", NOV, 0},
    {"denied.security_stability", "3.", "危及“三安全一稳定”", NOV, 0},
    {"denied.third_party", "4.", "保护第三方合法权益", NOV, 0},
    {"denied.internal_affairs", "5.", "属于三类内部事务信息", NOV, 0},
    {"denied.process_info", "6.", "属于四类过程性信息", NOV, 0},
    {"denied.enforcement_file", "7.", "属于行政执法案卷", NOV, 0},
    {"denied.admin_query", "8.", "属于行政查询事项", NOV, 0},
    {"", "（四）", "无法提供", NOV, OGI_ROW_GROUP},
    {"unable.not_held", "1.", "本机关不掌握相关政府信息", NOV, 0},
    {"unable.need_creation", "2.", "没有现成信息需要另行制作", NOV, 0},
    {"unable.unclear", "3.", "补正后申请内容仍不明确", NOV, 0},
    {"", "（五）", "不予处理", NOV, OGI_ROW_GROUP},
    {"rejected.petition", "1.", "信访举报投诉类申请", NOV, 0},
    {"rejected.repeat", "2.", "重复申请", NOV, 0},
    {"rejected.publication", "3.", "要求提供公开出版物", NOV, 0},
    {"rejected.excessive", "4.", "无正当理由大量反复申请", NOV, 0},
    {"rejected.reconfirm", "5.", "要求行政机关确认或重新出具已获取信息", NOV,
     0},
    {"other.all", "（六）", "其他处理", NOV, OGI_ROW_OTHER1},
    {"other.no_correction", "1.",
     "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", NOV,
     OGI_ROW_OTHER3},
    {"other.fee_unpaid", "2.",
     "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     NOV, OGI_ROW_OTHER3},
    {"other.misc", "3.", "其他", NOV, OGI_ROW_OTHER3 | OGI_ROW_SHORTKEY},
    {"result_total", "（七）", "总计", NOV, OGI_ROW_SHORTKEY},
    {"carry_forward", "四、", "结转下年度继续办理", NOV, 0},
};

/* ---- Table 4 ---- */

static const ogi_skel_col_t cols4[] = {
    {"upheld", "结果维持", NOV, OGI_VT_COUNT},
    {"corrected", "结果纠正", NOV, OGI_VT_COUNT},
    {"other", "其他结果", NOV, OGI_VT_COUNT},
    {"pending", "尚未审结", NOV, OGI_VT_COUNT},
    {"total", "总计", NOV, OGI_VT_COUNT},
};
static const ogi_skel_row_t rows4[] = {
    {"review", "", "行政复议", NOV, 0},
    {"suit_direct", "", "未经复议直接起诉", NOV, 0},
    {"suit_after_review", "", "复议后起诉", NOV, 0},
};

#define TABLE(id, path, label, fm, rows, cols)                                 \
    {id, path, label, fm, rows, OGI_ARRAY_LEN(rows), cols, OGI_ARRAY_LEN(cols)}

static const ogi_skel_table_t tables[OGI_TABLE_COUNT] = {
    TABLE(OGI_T2_19_1, "active.a20_1", "第二十条第（一）项", OGI_FMASK_2019,
          rows19_1, cols19_1),
    TABLE(OGI_T2_19_5, "active.a20_5", "第二十条第（五）项", OGI_FMASK_2019,
          rows19_5, cols19_56),
    TABLE(OGI_T2_19_6, "active.a20_6", "第二十条第（六）项", OGI_FMASK_2019,
          rows19_6, cols19_56),
    TABLE(OGI_T2_19_8, "active.a20_8", "第二十条第（八）项", OGI_FMASK_2019,
          rows19_8, cols19_8),
    TABLE(OGI_T2_19_9, "active.a20_9", "第二十条第（九）项", OGI_FMASK_2019,
          rows19_9, cols19_9),
    TABLE(OGI_T2_21_1, "active.a20_1", "第二十条第（一）项", OGI_FMASK_2021,
          rows21_1, cols21_1),
    TABLE(OGI_T2_21_5, "active.a20_5", "第二十条第（五）项", OGI_FMASK_2021,
          rows21_5, cols21_56),
    TABLE(OGI_T2_21_6, "active.a20_6", "第二十条第（六）项", OGI_FMASK_2021,
          rows19_6, cols21_56),
    TABLE(OGI_T2_21_8, "active.a20_8", "第二十条第（八）项", OGI_FMASK_2021,
          rows21_8, cols21_8),
    TABLE(OGI_T3, "apply", "收到和处理政府信息公开申请情况", OGI_FMASK_BOTH,
          rows3, cols3),
    TABLE(OGI_T4, "appeal", "政府信息公开行政复议、行政诉讼情况",
          OGI_FMASK_BOTH, rows4, cols4),
};

const ogi_skel_table_t *
ogi_skeleton_table(ogi_table_id_t id)
{
    assert((unsigned)id < OGI_TABLE_COUNT);
    return &tables[id];
}

long
ogi_skeleton_row_index(ogi_table_id_t id, const char *key)
{
    const ogi_skel_table_t *t = ogi_skeleton_table(id);
    for (size_t r = 0; r < t->nrows; r++)
        if (!(t->rows[r].flags & OGI_ROW_GROUP) && t->rows[r].key[0] == key[0] &&
            strcmp(t->rows[r].key, key) == 0)
            return (long)r;
    return -1;
}

long
ogi_skeleton_col_index(ogi_table_id_t id, const char *key)
{
    const ogi_skel_table_t *t = ogi_skeleton_table(id);
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].key[0] == key[0] && strcmp(t->cols[c].key, key) == 0)
            return (long)c;
    return -1;
}

static const ogi_table_id_t active19[] = {OGI_T2_19_1, OGI_T2_19_5,
                                          OGI_T2_19_6, OGI_T2_19_8,
                                          OGI_T2_19_9};
static const ogi_table_id_t active21[] = {OGI_T2_21_1, OGI_T2_21_5,
                                          OGI_T2_21_6, OGI_T2_21_8};

const ogi_table_id_t *
ogi_skeleton_active(ogi_format_t format, size_t *n)
{
    if (format == OGI_FORMAT_2019) {
        *n = OGI_ARRAY_LEN(active19);
        return active19;
    }
    if (format == OGI_FORMAT_2021) {
        *n = OGI_ARRAY_LEN(active21);
        return active21;
    }
    *n = 0;
    return NULL;
}

const char *
ogi_skeleton_format_name(ogi_format_t format)
{
    switch (format) {
        case OGI_FORMAT_2019:
            return "2019";
        case OGI_FORMAT_2021:
            return "2021";
        default:
            return NULL;
    }
}

/* ---- arithmetic: identities and soft relations (§5a, §5b) ---- */

#define K(...) ((const char *const[]){__VA_ARGS__, NULL})
#define K0     ((const char *const[]){NULL})

/* Resolved indexes live in these arrays; the tables below point at them
 * once resolve() has run. */
typedef struct {
    size_t lhs[OGI_SKEL_MAX_KEYS], rhs[OGI_SKEL_MAX_KEYS];
} at_t;

static ogi_skel_identity_t identities[] = {
    /* 一 + 二 = 三 + 四, 三 being （七）总计 */
    {"O1", OGI_T3, 0, K("new_received", "carried_over"),
     K("result_total", "carry_forward"), NULL, 0, NULL, 0},
    {"D1", OGI_T3, 0,
     K("granted", "partial", "denied.", "unable.", "rejected.", "other."),
     K("result_total"), NULL, 0, NULL, 0},
    {"D2", OGI_T3, 1,
     K("natural_person", "commercial", "research", "public_interest",
       "legal_service", "other_org"),
     K("total"), NULL, 0, NULL, 0},
    {"D3", OGI_T4, 1, K("upheld", "corrected", "other", "pending"),
     K("total"), NULL, 0, NULL, 0},
};

static ogi_skel_identity_t relations[] = {
    /* 0 ≤ prev + delta: a stock of items never goes below zero */
    {"C1", OGI_T2_19_5, 1, K0, K("prev_items", "delta_items"), NULL, 0, NULL,
     0},
    {"C1", OGI_T2_19_6, 1, K0, K("prev_items", "delta_items"), NULL, 0, NULL,
     0},
    {"C1", OGI_T2_19_8, 1, K0, K("prev_items", "delta_items"), NULL, 0, NULL,
     0},
    {"C2", OGI_T2_19_1, 1, K("new_published"), K("total_published"), NULL, 0,
     NULL, 0},
    {"C3", OGI_T2_21_1, 1, K("issued"), K("in_force", "repealed"), NULL, 0,
     NULL, 0},
};

static at_t identities_at[OGI_ARRAY_LEN(identities)];
static at_t relations_at[OGI_ARRAY_LEN(relations)];
static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;

static int
key_matches(const char *pattern, const char *key)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '.')
        return strncmp(key, pattern, n) == 0;
    return strcmp(key, pattern) == 0;
}

static size_t
resolve_keys(const ogi_skel_identity_t *id, const char *const *keys,
             size_t *out)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id->table);
    size_t n = 0;
    for (size_t k = 0; keys[k]; k++) {
        if (id->along_rows) {
            long c = ogi_skeleton_col_index(id->table, keys[k]);
            if (OGI_ALWAYS(c >= 0) && n < OGI_SKEL_MAX_KEYS)
                out[n++] = (size_t)c;
            continue;
        }
        for (size_t row = 0; row < sk->nrows && n < OGI_SKEL_MAX_KEYS; row++)
            if (!(sk->rows[row].flags & OGI_ROW_GROUP) &&
                key_matches(keys[k], sk->rows[row].key))
                out[n++] = row;
    }
    return n;
}

static void
resolve_set(ogi_skel_identity_t *ids, at_t *at, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ids[i].nlhs = resolve_keys(&ids[i], ids[i].lhs, at[i].lhs);
        ids[i].nrhs = resolve_keys(&ids[i], ids[i].rhs, at[i].rhs);
        ids[i].lhs_at = at[i].lhs;
        ids[i].rhs_at = at[i].rhs;
    }
}

static void
resolve(void)
{
    resolve_set(identities, identities_at, OGI_ARRAY_LEN(identities));
    resolve_set(relations, relations_at, OGI_ARRAY_LEN(relations));
}

const ogi_skel_identity_t *
ogi_skeleton_identities(size_t *n)
{
    pthread_once(&resolve_once, resolve);
    *n = OGI_ARRAY_LEN(identities);
    return identities;
}

const ogi_skel_identity_t *
ogi_skeleton_relations(size_t *n)
{
    pthread_once(&resolve_once, resolve);
    *n = OGI_ARRAY_LEN(relations);
    return relations;
}

/* ---- the six sections ---- */

static const ogi_skel_section_t sections[OGI_SEC_COUNT] = {
    {OGI_SEC_OVERVIEW, "overview", "一", "一、总体情况",
     V("总体情况", "概述", "基本情况"), V("一、基本情况", "一、概述")},
    {OGI_SEC_ACTIVE, "active", "二", "二、主动公开政府信息情况",
     V("主动公开"),
     V("二、行政机关主动公开政府信息情况", "二、主动公开情况")},
    {OGI_SEC_APPLY, "apply", "三", "三、收到和处理政府信息公开申请情况",
     V("收到和处理", "依申请公开", "公开申请"),
     V("三、行政机关收到和处理政府信息公开申请情况", "三、依申请公开情况")},
    {OGI_SEC_APPEAL, "appeal", "四", "四、政府信息公开行政复议、行政诉讼情况",
     V("行政复议", "行政诉讼"),
     V("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
       "四、行政复议、行政诉讼情况")},
    {OGI_SEC_PROBLEMS, "problems", "五", "五、存在的主要问题及改进情况",
     V("主要问题", "存在的问题", "问题及改进", "改进情况", "不足"),
     V("五、政府信息公开工作存在的主要问题及改进情况",
       "五、存在的问题及改进措施")},
    {OGI_SEC_OTHER, "other", "六", "六、其他需要报告的事项",
     V("其他需要报告", "需要说明", "其他事项", "其他需要"),
     V("六、需要说明的其他事项", "六、其他事项")},
};

const ogi_skel_section_t *
ogi_skeleton_section(ogi_section_id_t id)
{
    assert((unsigned)id < OGI_SEC_COUNT);
    return &sections[id];
}
