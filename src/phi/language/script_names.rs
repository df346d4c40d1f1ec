//! NAME in posts written in scripts other than Latin (session 16), where the lists of names and
//! the capital letter say nothing: the word a relation of that language introduces ("جدتي
//! فاطمة", "मेरी दादी सावित्री देवी", "η γιαγιά μου η Ελένη", "我外婆王桂兰", "祖母のハナは"), and
//! the word before an honorific that only follows a person's name ("김순자 님", "ハナさん").
//!
//! Each script has its own cue, read by its own pattern on the raw text; a post in ASCII is
//! passed by one look. What follows a relation is often no name ("أمي مريضة", my mother is
//! ill; "दादी को", to grandmother): the words such a slot commonly holds are listed and left.

use std::sync::LazyLock;

use regex::Regex;

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a person's name";

/// Chinese: a relation, then a common surname and one or two characters ("外婆王桂兰").
static HAN: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:外婆|奶奶|爷爷|爺爺|外公|姥姥|姥爷|妈妈|媽媽|爸爸|母亲|母親|父亲|父親|老公|老婆|丈夫|妻子|儿子|兒子|女儿|女兒|哥哥|姐姐|弟弟|妹妹|婆婆|公公|阿姨|舅舅|叔叔|病人)([王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴武戴莫孔向汤湯][\p{Han}]{1,2})",
    )
});

/// Characters that start the words after a name in a Chinese sentence, not a name's own:
/// "今年" (this year), "最近" (lately), "已经" (already), "在" (at), "是" (is), "的", "了"…
const HAN_AFTER: &str = "今最已在是的了说說住和也都很被因去有昨前上下刚剛每还還又就得患确確";

/// Japanese: a relation and "の", then a name in katakana or kanji before a particle
/// ("祖母のハナは"; in kanji only before an honorific: "母の手術" is her operation), or a name
/// in katakana before a personal honorific ("ハナさん").
static KANA: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:祖母|祖父|母|父|妻|夫|息子|娘|姉|妹|兄|弟|おばあちゃん|おじいちゃん|ばあちゃん|じいちゃん)の(?:([\p{Katakana}ー]{2,8})(?:は|が|も|を|に|さん|ちゃん)|(\p{Han}{1,3})(?:さん|ちゃん))|([\p{Katakana}ー]{2,8})(?:さん|ちゃん|くん|様)",
    )
});

/// Korean: a surname and a given name of two syllables before the honorific "님" or "씨"
/// ("김순자 님", "박지민씨"). Words of three syllables before "님" that are roles are left.
static HANGUL: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:^|[^가-힣])([김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용][가-힣]{2})\s?(?:님|씨)",
    )
});

/// Roles of three syllables that take "님" ("간호사님", the nurse).
const HANGUL_ROLES: [&str; 8] = [
    "간호사",
    "주치의",
    "선생님",
    "교수님",
    "원장님",
    "조무사",
    "상담사",
    "치료사",
];

/// Greek: a relation, "μου" and the article, then a capitalised word ("η γιαγιά μου η Ελένη").
static GREEK: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?i:γιαγιά|παππούς|μητέρα|μαμά|πατέρας|μπαμπάς|αδελφή|αδερφή|αδελφός|αδερφός|σύζυγος|άντρας|γυναίκα|κόρη|γιος|θεία|θείος)(?:\sμου)?(?:\s(?:η|ο|τη|την|το|του|της))?\s(\p{Lu}\p{Ll}+)",
    )
});

/// Hindi: a relation, then a word and an honorific or a postposition after it ("दादी सावित्री
/// देवी", "नानी कमला जी", "भाई रमेश को").
static DEVANAGARI: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:दादी|दादा|नानी|नाना|माँ|मां|मम्मी|पापा|पिताजी|भाई|बहन|दीदी|पति|पत्नी|बेटा|बेटी|चाचा|चाची|मौसी|बुआ|मामा|मामी|ताऊ|ताई)\s(\p{Devanagari}+)\s(देवी|जी|बाई|कुमारी|सिंह|को|का|की|के|ने)",
    )
});

/// Arabic and Persian: a relation with "my" glued on, then the next word ("جدتي فاطمة",
/// "مادربزرگم پروین").
static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:^|\s)(?:جدتي|جدي|أمي|امي|والدتي|أبي|ابي|والدي|أخي|اخي|أختي|اختي|زوجي|زوجتي|ابني|ابنتي|عمتي|خالتي|عمي|خالي|مادربزرگم|پدربزرگم|مادرم|پدرم|خواهرم|برادرم|همسرم|شوهرم|دخترم|پسرم)\s(\p{Arabic}+)",
    )
});

/// Words that follow a relation in Hindi, Arabic and Persian and are no name: verbs, "is",
/// "ill", "age", "also", "today", prepositions, numbers of age.
fn common_after_relation(w: &str) -> bool {
    matches!(
        w,
        "है" | "हैं"
            | "थी"
            | "था"
            | "भी"
            | "तो"
            | "अब"
            | "आज"
            | "बहुत"
            | "बीमार"
            | "ठीक"
            | "जी"
            | "عمرها"
            | "عمره"
            | "مريضة"
            | "مريض"
            | "كانت"
            | "كان"
            | "عندها"
            | "عنده"
            | "لديها"
            | "لديه"
            | "تعاني"
            | "يعاني"
            | "في"
            | "من"
            | "على"
            | "مع"
            | "هي"
            | "هو"
            | "لا"
            | "لم"
            | "قد"
            | "توفيت"
            | "توفي"
            | "بخير"
            | "الآن"
            | "اليوم"
            | "أيضا"
            | "تقول"
            | "يقول"
            | "دخلت"
            | "دخل"
            | "تحتاج"
            | "يحتاج"
            | "صارت"
            | "صار"
            | "تعبانة"
            | "تعبان"
            | "عمرش"
            | "نود"
            | "هنوز"
            | "خیلی"
            | "مریض"
            | "بیمار"
            | "است"
            | "هست"
            | "که"
            | "در"
            | "از"
            | "با"
            | "به"
            | "را"
            | "و"
            | "هم"
            | "دیگه"
            | "حالش"
            | "امروز"
            | "دیروز"
            | "فوت"
            | "بود"
            | "شد"
            | "رو"
            | "این"
            | "اون"
            | "یه"
            | "الان"
    )
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let raw = text.raw;
    if raw.is_ascii() {
        return;
    }
    let mut push = |start: usize, end: usize| {
        out.push(finding(Kind::Name, start, end, 0.6, WHY));
    };
    for c in HAN.captures_iter(raw) {
        let Some(m) = c.get(1) else { continue };
        // "王桂兰今年": keep the third character only if it does not start the next word.
        let mut end = m.end();
        if let Some(last) = m.as_str().chars().nth(2) {
            if HAN_AFTER.contains(last) {
                end -= last.len_utf8();
            }
        }
        push(m.start(), end);
    }
    for c in KANA.captures_iter(raw) {
        if let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) {
            push(m.start(), m.end());
        }
    }
    for c in HANGUL.captures_iter(raw) {
        let Some(m) = c.get(1) else { continue };
        let role = HANGUL_ROLES
            .iter()
            .any(|r| m.as_str().starts_with(r) || r.starts_with(m.as_str()));
        if !role {
            push(m.start(), m.end());
        }
    }
    for c in GREEK.captures_iter(raw) {
        if let Some(m) = c.get(1) {
            push(m.start(), m.end());
        }
    }
    for c in DEVANAGARI.captures_iter(raw) {
        let (Some(m), Some(after)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if !common_after_relation(m.as_str()) {
            // An honorific belongs to the name ("सावित्री देवी"); a postposition does not.
            let honorific = matches!(after.as_str(), "देवी" | "बाई" | "कुमारी" | "सिंह");
            push(m.start(), if honorific { after.end() } else { m.end() });
        }
    }
    for c in ARABIC.captures_iter(raw) {
        let Some(m) = c.get(1) else { continue };
        let w = m.as_str();
        // "جدتي والدة…", "أمي الحبيبة": "and", or the article, opens no name.
        if !common_after_relation(w) && !w.starts_with("ال") && !w.starts_with('و') {
            push(m.start(), m.end());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        crate::phi::language::test_support::detected(raw, detect)
    }

    #[test]
    fn names_after_relations_and_before_honorifics() {
        for (raw, want) in [
            ("我外婆王桂兰今年九十四岁了", "王桂兰"),
            ("我爸爸李明住院了", "李明"),
            ("祖母のハナは九十七歳になりました。", "ハナ"),
            ("昨日マリアさんが来てくれました", "マリア"),
            ("저희 할머니 김순자 님이 올해 아흔둘이세요.", "김순자"),
            ("박지민씨가 도와줬어요", "박지민"),
            ("Η γιαγιά μου η Ελένη είναι ενενήντα τριών χρονών", "Ελένη"),
            ("मेरी दादी सावित्री देवी ९३ साल की हैं", "सावित्री देवी"),
            ("جدتي فاطمة عمرها ٩٢ سنة وعندها فشل كلوي", "فاطمة"),
            ("مادربزرگم پروین نود سالشه و هنوز", "پروین"),
        ] {
            assert_eq!(names(raw), [want], "{raw}");
        }
    }

    /// A name ending inside a word of a script without spaces once made a later rule slice
    /// the text backwards (a panic): every scanner's rule must take such spans.
    #[test]
    fn whole_posts_in_scripts_without_spaces_scan() {
        use crate::phi::{scan, Writer};
        for raw in [
            "祖母のハナは九十七歳になりました。最近、飲み込みが悪くてむせることが多いです。",
            "我外婆王桂兰今年九十四岁了，最近晚上总是不睡觉",
            "저희 할머니 김순자 님이 올해 아흔둘이세요.",
        ] {
            assert!(scan(raw, Writer::Member).held, "{raw}");
        }
    }

    /// A post of one long run of the shapes read here finishes, with at most one finding for
    /// every few characters (a script without spaces is one "word" to the word rules).
    #[test]
    fn long_runs_without_spaces_finish() {
        for unit in [
            "外婆王桂兰九十七岁",
            "祖母のハナは",
            "김순자 님 ",
            "3月15日",
        ] {
            let raw = unit.repeat(40_000);
            let text = Text::new(&raw);
            let mut out = Vec::new();
            detect(&text, &mut out);
            assert!(out.len() <= raw.chars().count() / 2, "{unit}");
        }
    }

    #[test]
    fn relations_before_common_words_and_roles_are_no_names() {
        for raw in [
            "我外婆今年九十四岁了",
            "我妈妈的手术很成功",
            "看護師さんがとても優しかったです",
            "母の手術は成功しました",
            "간호사님이 친절했어요",
            "선생님 감사합니다",
            "Η γιαγιά μου είναι καλά",
            "मेरी दादी को साँस लेने में तकलीफ़ है",
            "أمي مريضة جدا",
            "جدتي في المستشفى",
            "مادرم بیمار است",
            "my mum is fine, thanks",
        ] {
            assert!(names(raw).is_empty(), "{raw}: {:?}", names(raw));
        }
    }
}
