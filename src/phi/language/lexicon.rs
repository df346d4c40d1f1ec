//! Word lists shared by the language detectors, built once. The large ones (given names,
//! surnames, names that are also English words) are compiled in from `data/phi/`; the small ones
//! are short closed classes written here.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Deref;
use std::sync::LazyLock;

use super::Text;
pub use crate::phi::fast_hash::Fx;

/// Given names from the 1990 US Census (male and female lists).
const FIRST: &str = include_str!("../../../data/phi/first-names.txt");

/// The 1990 US Census's 25,000 most frequent surnames.
const SURNAME: &str = include_str!("../../../data/phi/surnames.txt");

/// Names that are also common English words ("will", "hope", "king"), from the SCOWL word list,
/// plus words written here that read as names but usually are not (months, states, countries,
/// faiths, medical abbreviations).
const NAME_WORD: &str = include_str!("../../../data/phi/name-words.txt");

/// Given names and surnames of every origin, from faker's 86 locales (MIT), folded to ASCII
/// ("jürgen" is "jurgen"), without those already in the Census lists.
const WORLD_FIRST: &str = include_str!("../../../data/phi/given-names-world.txt");
const WORLD_SURNAME: &str = include_str!("../../../data/phi/surnames-world.txt");
/// The most common given names and surnames of about 100 countries as Wikipedia lists them
/// (sigpwned's dataset, CC0), without those the lists above hold: Pradeep, Oksana, Fatou.
const WIKI_FIRST: &str = include_str!("../../../data/phi/given-names-wikipedia.txt");
/// Given names of the US Social Security Administration's birth data that the lists above lack
/// ("priyanka", "eilidh", "chukwuemeka"): names of every origin as US parents gave them.
const SSA_FIRST: &str = include_str!("../../../data/phi/given-names-ssa.txt");
const WIKI_SURNAME: &str = include_str!("../../../data/phi/surnames-wikipedia.txt");
/// Given names and surnames of the communities our members write from that the lists above
/// lack (Yoruba "funmilayo", Amharic "hiwot", Somali "warsame", Pashto "palwasha", Tamil
/// "ramasamy"), typed for this scanner in session 22 from general knowledge.
const TYPED_FIRST: &str = include_str!("../../../data/phi/given-names-typed.txt");
const TYPED_SURNAME: &str = include_str!("../../../data/phi/surnames-typed.txt");
/// The names of those lists that are also English words, and chat words ("lol", "thx") and
/// abbreviations that some locale lists hold as names.
const WORLD_NAME_WORD: &str = include_str!("../../../data/phi/name-words-world.txt");
/// English words of three letters or more (SCOWL size 50, via Debian's `wamerican`).
const ENGLISH: &str = include_str!("../../../data/phi/english-words.txt");
const NOT_NAMES: &str =
    "january february march april may june july august september october november december \
         jan feb mar apr jun jul aug sep sept oct nov dec \
         georgia virginia carolina dakota indiana florida nevada montana washington \
         israel jordan india china kenya chad france paris lourdes sydney orlando \
         german germany irish english french dutch italian american canadian mexican \
         jesus christ christian christians god lord allah buddha moses \
         ana ada tia ed ira era les sal mac mel dee val jan lupus sara \
         sun mon tue wed thu fri sat sunday monday tuesday wednesday thursday friday saturday \
         hi ok oh my so in an ma pa un le la na ja ka ai mi ta ha \
         lol lols thx thnx tx ty tyvm haha hahaha hehe omg tbh idk smh ugh yay xx xxx xo xoxo lmao \
         np brb cheers hugs bless amen ciao merci danke gracias salamat sigh hun ikr rofl \
         ozempic allegra lyrica \
         kia sha dia \
         habibi habibti kamsahamnida dziekuje ora mashallah inshallah \
         copay copays copayment copayments coinsurance \
         ta chur ppl bjs bjos lg gente \
         nga ngā mihi ndewo howzit sawubona minha meu \
         halloween hanukkah chanukah diwali deepavali eid ramadan hogmanay kwanzaa vaisakhi \
         kayo hooroo viel abeg dey ute hui seguimos rezept holi bixby \
         dr doctor nurse mr mrs ms miss";

/// Family, household and care relations: a name right after one of these is a person's. Other
/// languages' words as the lists hold them (folded: "père" is "pere", "żona" "zona"), leaving
/// out those that fold into a name or an English word ("mãe", "irmã", "mère").
const RELATION: &str =
    "daughter son husband wife ex hubby mom mother mum mommy momma dad father daddy papa \
         mam mammy ma nonna nonno abuela abuelo abuelita oma opa grandad granddad grandpop cucu \
         missus wifey eldest youngest flatmate housemate mate stepsister stepbrother \
         mil fil sil bil dil mummy \
         sister brother sis bro grandson granddaughter grandma grandmother granny nana nan \
         grandpa grandfather gramps grandchild grandkid baby kid child toddler infant teen \
         aunt auntie uncle niece nephew cousin partner boyfriend girlfriend fiance fiancee \
         spouse friend bestie buddy neighbor neighbour roommate coworker colleague boss \
         stepson stepdaughter stepmom stepdad stepmother stepfather twin twins \
         stepmum stepmam workmate \
         patient pt client resident caregiver carer aide student teacher pastor \
         inlaw godson goddaughter godmother godfather sweetheart bf gf dh dw ds dd \
         aunty gran grannie nanna gramma grandmom grandmum grandaughter hubs mama mamma \
         papi mami tia tio zia zio tante onkel oncle babcia dziadek babushka dedushka yiayia \
         pappou mormor farmor morfar farfar vovo avo suegra suegro cunada cunado sobrina \
         sobrino hija hijo figlia figlio amma appa ammi abbu nani dadi didi bhaiya bhai \
         chacha chachi mausi kuya bubbe zayde girl boy physio physiotherapist therapist \
         counsellor counselor midwife practitioner consultant surgeon specialist neurologist \
         oncologist rheumatologist rheumy cardiologist dermatologist endocrinologist \
         gastroenterologist psychiatrist psychologist pharmacist dietitian dietician doula \
         nanny chaplain keyworker oldest kiddo kiddos bub bubba \
         fella bloke lad lass boo worker sponsor tutor coach mentor landlord landlady lodger \
         tenant cleaner manager supervisor housekeeper \
         assistant helper caseworker advocate interpreter befriender \
         fille femme soeur pere tochter schwester vater ehemann ehefrau enkel enkelin \
         esposo esposa hermana hermano madre marido nieta filha filho marito moglie sorella \
         fratello nipote dochter zoon vrouw zus broer moeder vader corka siostra zona maz \
         tita tito ninang ninong teyze khala khalu phupho thatha paati gogo mkhulu bhuti \
         kuia whaea matua unnie noona nainai laolao waipo waigong obaachan ojiichan \
         mzee umama ubaba umakhulu oupa nanay tatay lolo halmeoni harabeoji eomma yeye \
         jiddo teta sitto koro tipuna tupuna babaanne anneanne dadu nanu chachu khalto nenek \
         kakek umma omma oppa hyung eonni behen bahen beti mutter maa abuelito \
         abba abbaji ammiji nain taid annem babam ablam abim kardesim \
         bff bestfriend stepmum stepsis stepbro stepkid stepchild grandbaby \
         gp doc dentist optician gyno obgyn paediatrician pediatrician urologist hematologist \
         haematologist nephrologist pulmonologist podiatrist chiropractor osteopath audiologist \
         radiologist anaesthetist anesthesiologist registrar hepatologist ophthalmologist \
         gynecologist gynaecologist \
         nephro neuro cardio gastro onc haem hem derm ortho uro psych endocrine resp";

/// Titles that make the next word a surname (or given name).
const TITLE: &str =
    "mr mrs ms miss mister missus dr doctor prof professor nurse sister father pastor \
         rev reverend sr jr rabbi imam sheikh bishop deacon fr sir \
         frau herr senor señor senora señora sra signora signor madame monsieur mme mlle pani \
         matron dra dott dottor dottore dottoressa doutor doutora doktor doctora";

/// Words given as names in southern Africa, West Africa and the Caribbean that the birth lists
/// above hold as words only ("Memory is my mum's carer", "Gift was discharged"): names where a
/// cue or a person's verb says so, words elsewhere, like every name-word.
const WORD_NAMES: &str = "memory gift loveness lovemore privilege talent knowledge fortunate \
         innocent justice godknows givemore learnmore goodness comfort marvellous evidence \
         beauty happiness witness";

/// Short function words: never a surname after a given name, never a name after a cue.
/// With the contractions chat writes without their apostrophe ("youll", "hes"), which the
/// English list lacks and a name rule would otherwise read as a surname ("sian youll").
const FUNCTION: &str =
    "a an the and or but nor so yet if then than that this these those there here \
         is are was were be been being am has have had do does did will would shall should can \
         could may might must not no yes just also still too very really only even ever never \
         i me my mine we us our you your he him his she her hers it its they them their who whom \
         whose which what when where why how all any some each every both either neither \
         of in on at to for from by with about as into onto over under after before since until \
         up down out off again once now today tonight tomorrow yesterday \
         youll youre youve youd theyre theyll theyve theyd hes shes ive im dont cant didnt \
         doesnt isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt thats \
         whats theres wheres heres else";

/// Month names and their abbreviations, with common misspellings: number 1–12.
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" | "janurary" | "januray" => 1,
        "february" | "feb" | "febuary" | "feburary" | "febraury" => 2,
        "march" | "mar" | "mrch" => 3,
        "april" | "apr" | "aprl" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" | "agust" => 8,
        "september" | "sep" | "sept" | "septmber" | "setpember" => 9,
        "october" | "oct" | "octobr" | "ocotber" => 10,
        "november" | "nov" | "novmber" => 11,
        "december" | "dec" | "decmber" | "decemeber" => 12,
        _ => return None,
    })
}

/// US states and territories: full names (one or two words) and USPS abbreviations.
const STATE_NAME: &str =
    "alabama alaska arizona arkansas california colorado connecticut delaware florida \
         georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland \
         massachusetts michigan minnesota mississippi missouri montana nebraska nevada \
         ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington \
         wisconsin wyoming";

/// Second words of two-word state names, keyed by their first word.
pub fn two_word_state(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("new", "hampshire" | "jersey" | "mexico" | "york")
            | ("north" | "south", "carolina" | "dakota")
            | ("west", "virginia")
            | ("rhode", "island")
            | ("puerto", "rico")
    )
}

const STATE_ABBR: &str =
    "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh \
         nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc pr as fm gu mh mp pw vi \
         aa ae ap";

/// State abbreviations that are also everyday lower-case words or common abbreviations.
pub fn ambiguous_abbr(abbr: &str) -> bool {
    matches!(
        abbr,
        "in" | "me"
            | "or"
            | "oh"
            | "hi"
            | "ok"
            | "pa"
            | "ma"
            | "la"
            | "de"
            | "co"
            | "id"
            | "mi"
            | "al"
            | "ms"
            | "md"
            | "pr"
            | "ne"
            | "mo"
            | "ga"
            | "va"
            | "ct"
            | "sc"
            | "nd"
            | "ia"
            | "as"
            | "vi"
            | "aa"
            | "ae"
            | "ap"
            | "mp"
            | "fm"
            | "gu"
    )
}

/// Famous institutions and eponyms that contain names but identify no one, as word sequences,
/// and (session 20) the addresses of heads of state and of fiction that no patient lives at
/// ("the march went past 10 Downing Street", "221B Baker Street was very touristy").
const INSTITUTIONS: &str = "mayo clinic|cleveland clinic|johns hopkins|md anderson|mass general|\
    memorial sloan kettering|sloan kettering|cedars sinai|dana farber|mount sinai|mt sinai|\
    kaiser permanente|henry ford|ronald mcdonald|brigham and women|beth israel|emory|vanderbilt|\
    thomas jefferson|lou gehrig|tommy john|john muir|barnes jewish|moffitt|fred hutch|\
    fred hutchinson|mary free bed|john hancock|john deere|jack daniels|dr pepper|dr scholl|\
    ben and jerry|walter reed|st jude|saint jude|st luke|st lukes|st mary|st marys|st joseph|\
    st josephs|st francis|st vincent|st vincents|st elizabeth|st anthony|st agnes|st catherine|\
    st peter|st peters|st paul|st michael|st thomas|st james|st john|st johns|saint luke|\
    saint mary|saint joseph|saint francis|saint vincent|city of hope|shriners|nemours|ochsner|\
    geisinger|lahey|intermountain|sutter health|baylor scott|houston methodist|penn medicine|\
    nyu langone|rush university|loma linda|scott and white|mary bridge|randall childrens|\
    great ormond street|gosh|royal marsden|the christie|christie hospital|alder hey|royal brompton|\
    papworth|moorfields|addenbrooke|addenbrookes|guy s and st thomas|guys and st thomas|\
    st thomas|st george s|st georges|kings college hospital|john radcliffe|queen elizabeth|\
    royal london|royal free|royal infirmary|great western hospital|the mater|mater misericordiae|\
    st james s|st vincent s|beaumont hospital|tallaght|crumlin|sick kids|sickkids|\
    princess margaret|toronto general|sunnybrook|mcgill|peter mac|peter maccallum|royal melbourne|\
    westmead|royal prince alfred|starship|charite|charité|karolinska|pitie salpetriere|\
    hospital la paz|gregorio maranon|gemelli|niguarda|erasmus mc|amc|radboud|apollo hospitals|apollo|\
    aiims|fortis|manipal|narayana|cmc vellore|st luke s medical|makati medical|\
    lagos university teaching hospital|luth|imss|hospital albert einstein|sirio libanes|\
    johns hopkins university|harvard|stanford|oxford university|university of oxford|yale|ucla|ucsf|\
    ohio state|penn state|duke university|emory university|columbia university|cornell|\
    harvard medical school|hopkins|sloan|\
    walton centre|sir charles gairdner|lady cilento|aga khan|aga khan university|royal women s|royal womens|\
    royal children s|royal childrens|temple street|groote schuur|chris hani baragwanath|\
    baragwanath|inkosi albert luthuli|charlotte maxeke|steve biko academic|tygerberg|\
    red cross war memorial|bach mai|cho ray|siriraj|tan tock seng|kk women s|\
    royal north shore|prince of wales hospital|the alfred|alfred hospital|austin hospital|\
    middlemore|auckland city hospital|golden jubilee|royal gwent|royal devon|royal cornwall|\
    royal victoria|whittington|walsgrave|freeman hospital|ninewells|raigmore|\
    queen elizabeth university|the rotunda|rotunda|the coombe|holles street|our lady s|\
    vincent pallotti|israelita albert einstein|albert einstein|das clinicas|tata memorial|\
    kokilaben|lilavati|hinduja|jaslok|breach candy|sir ganga ram|medanta|nimhans|\
    christian medical college|philippine general|the medical city|kenyatta national|\
    korle bu|komfo anokye|mulago|necker|gustave roussy|georges pompidou|bambino gesu|\
    san raffaele|vall d hebron|virgen del rocio|virgen macarena|virgen de la arrixaca|\
    sainte justine|severance|samsung medical|asan medical|seoul national university|\
    marie curie|sue ryder|maggie s|maggies|cancer research uk|brain tumour charity|\
    macmillan nurse|macmillan nurses|macmillan benefits|macmillan support|macmillan cancer|\
    macmillan team|macmillan centre|macmillan website|macmillan helpline|macmillan grant|\
    alzheimer s society|parkinson s uk|ms society|stroke association|diabetes uk|age uk|\
    dementia uk|versus arthritis|kidney care uk|beyond blue|black dog institute|\
    mcgrath foundation|teenage cancer trust|young lives vs cancer|clic sargent|make a wish|\
    tommy s|rethink mental illness|ronald mcdonald house|\
    10 downing street|11 downing street|221b baker street|1600 pennsylvania avenue|\
    24 sussex drive|the white house|buckingham palace|the kremlin|\
    anthony nolan|admiral nurse|admiral nurses|ayushman bharat|philhealth|centrelink|\
    telefonseelsorge|glasgow coma|dawn phenomenon|beverly hills|12 de octubre|burns night|\
    dia de reyes|día de reyes|dia de los reyes|día de los reyes|dia de los muertos|\
    día de los muertos|faith hope and|jean coutu|droga raia|mr kipling|\
    pole sana|simbang gabi|santo nino|santo niño|mama mary|ganpati bappa|surya namaskar|\
    ayat ul kursi|ayatul kursi|old arthur|arthur itis|peter to pay paul|red cross children|\
    chris hani bara|eden park|joy comes in the morning|jan aushadhi|eid ul adha|eid ul fitr|\
    eid al adha|eid al fitr|harambee stars|springboks|outubro rosa|journee mondiale|journée mondiale|\
    lifehouse|roxas boulevard|babcock university|juan dela cruz|juan de la cruz";

/// Names that identify no patient (issue 16, session 11): public figures that patients name
/// for their illnesses or in the news, fictional characters and their doctors, "dr google" and
/// its kin, foods, drinks and brands named after people, and sayings with names in them. Whole
/// names only, of two words or more, or one that no one is given ("oprah"), so that a
/// patient called Taylor or Harry is still held. Left off: whole names a real doctor, relative or
/// neighbour could be called by ("mr bean", "granny smith", "aunt flo"): a false hold costs a
/// moderator a look, a missed name costs a patient their privacy. Session 19 put "dr house" and
/// "dr martens" on after all: the television doctor and the boots held benign posts in 14 of 25
/// probe sets' writers, and no one of them wrote of a clinician called House.
const PUBLIC_NAMES: &str = "king charles|prince charles|queen camilla|princess diana|\
    lady diana|princess kate|kate middleton|princess of wales|prince william|prince harry|\
    meghan markle|pope francis|pope benedict|pope john paul|michael j fox|christopher reeve|\
    stephen hawking|magic johnson|freddie mercury|steve jobs|angelina jolie|selena gomez|\
    lady gaga|celine dion|céline dion|bruce willis|venus williams|serena williams|taylor swift|beyonce|\
    elton john|elvis presley|ozzy osbourne|michael jackson|whitney houston|robin williams|\
    terry fox|justin bieber|lena dunham|kim kardashian|dwayne johnson|joe biden|donald trump|\
    barack obama|michelle obama|boris johnson|keir starmer|rishi sunak|ryan reynolds|tom hanks|\
    halle berry|nick jonas|sonia sotomayor|billie eilish|lewis capaldi|jennifer aniston|oprah|\
    oprah winfrey|gordon ramsay|jamie oliver|joe wicks|david attenborough|stephen fry|\
    deborah james|jameela jamil|chadwick boseman|jeff bezos|elon musk|bill gates|\
    harry potter|hermione granger|sherlock holmes|meredith grey|\
    matthew perry|richard osman|johnny cash|hugh grant|dolly parton|julianne moore|\
    christina applegate|jamie lee curtis|billy connolly|rod stewart|sharon osbourne|\
    kylie minogue|queen elizabeth|prince philip|david bowie|ed sheeran|mariah carey|\
    hugh jackman|ben stiller|lance armstrong|frida kahlo|gary lineker|davina mccall|\
    graham norton|stephen king|jane austen|charles dickens|roald dahl|agatha christie|\
    william shakespeare|mr darcy|elizabeth bennet|baby shark|doctor brown bear|\
    hail mary|king faisal|king fahd|king abdulaziz|king khalid|king edward|\
    dr who|doctor who|dr seuss|doctor strange|dr kildare|\
    dr frankenstein|dr jekyll|mr hyde|dr phil|dr oz|peter pan|winnie the pooh|mickey mouse|\
    spider man|bruce wayne|darth vader|homer simpson|bart simpson|mr men|mr blobby|\
    mr potato head|peppa pig|paddington bear|bob the builder|thomas the tank|santa claus|\
    father christmas|tooth fairy|easter bunny|jack frost|jack sparrow|bridget jones|\
    forrest gump|rocky balboa|james bond|mary poppins|willy wonka|tinker bell|\
    dr google|doctor google|dr internet|dr youtube|dr tiktok|dr chatgpt|dr reddit|\
    dr wikipedia|dr web|dr feelgood|doc martens|dr house|doctor house|dr martens|\
    ted baker|marks and spencer|marks spencer|wendy s|mo salah|dot cotton|preston north end|\
    chatty cathy|sweet caroline|sally lunn|charlotte russe|baby annabell|baby annabelle|\
    miss marple|\
    victoria sponge|eggs benedict|beef wellington|caesar salad|earl grey|\
    lady grey|bloody mary|shepherd s pie|shepherds pie|peach melba|beef stroganoff|\
    eton mess|bakewell tart|waldorf salad|cobb salad|crepes suzette|battenberg|\
    salisbury steak|graham crackers|graham cracker|tia maria|johnnie walker|jim beam|\
    captain morgan|aunt jemima|betty crocker|\
    tim hortons|papa johns|shirley temple|arnold palmer|eve s pudding|\
    rob peter to pay paul|doubting thomas|peeping tom|nosy parker|bob s your uncle|\
    bobs your uncle|average joe|joe bloggs|john doe|jane doe|joe public|tom dick and harry|\
    smart alec|plain jane|moaning minnie|debbie downer|negative nancy|nervous nellie|\
    charlie horse|jack of all trades|\
    carol vorderman|chris hoy|michael mosley|florence nightingale|mary seacole|marie curie|\
    mr beast|mrbeast|dr oetker|dr hook|jack daniel|jack daniel s|ben jerry|ben jerry s|\
    paddington|lady gaga|kylie minogue|jess phillips|andy murray|davina mccall|\
    rob burrow|kevin sinfield|doddie weir|jimmy carter|nelson mandela|mother teresa|\
    xand van tulleken|chris van tulleken|dr xand|rangan chatterjee|dr rangan|\
    adam kay|oliver sacks|henry marsh|atul gawande|siddhartha mukherjee|gabor mate|gabor maté|\
    brene brown|brené brown|dr ranj|dr shaun murphy|kate garraway|derek draper|\
    bessel van der kolk|peter attia|andrew huberman|\
    princess anne|king william|tom daley|bear grylls|david beckham|victoria beckham|\
    paul kalanithi|terry pratchett|imran khan|christiaan barnard|sheikh mujib|bangabandhu|\
    shaukat khanum|florence nightingale|christopher reeve|michael mosley|stephen hawking|\
    betty white|queen mother|the queen mother|grace and frankie|abdul sattar edhi|edhi|\
    captain tom|captain sir tom|captain tom moore|charlie brown|ted lasso|father ted|\
    mrs doyle|lady luck|skeem saam|jack russell|jack russells";

/// Public figures members name in passing ("watching Virat Kohli", "Delta Goodrem beat
/// cancer"), one whole name a line, folded to ASCII (`data/phi/README.md`). Whole names only:
/// a patient called Delta is still held.
const PUBLIC_FIGURES: &str = include_str!("../../../data/phi/public-figures.txt");

static INSTITUTION_BY_FIRST: LazyLock<HashMap<&'static str, Vec<Vec<&'static str>>>> =
    LazyLock::new(|| {
        let mut m: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for phrase in INSTITUTIONS
            .split('|')
            .chain(PUBLIC_NAMES.split('|'))
            .chain(PUBLIC_FIGURES.lines().filter(|l| !l.starts_with('#')))
        {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            if let Some(first) = words.first() {
                m.entry(*first).or_default().push(words);
            }
        }
        m
    });

/// Byte ranges of famous institutions named in the text ("Mayo Clinic", "St. Jude's").
pub fn institutions(text: &Text) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..text.words.len() {
        // Session 18: a town's hospital by the town's name and a hospital's word, both
        // capitalised ("Salford Royal", "Boston Children's", "Leeds General", "Toronto
        // Western"): a hospital, not a person, wherever it stands.
        if i + 1 < text.words.len()
            && text.is_capitalised(i + 1)
            && matches!(
                text.lower_word(i + 1),
                "royal"
                    | "general"
                    | "infirmary"
                    | "children"
                    | "childrens"
                    | "memorial"
                    | "western"
                    | "eastern"
                    | "northern"
                    | "southern"
                    | "presbyterian"
                    | "methodist"
                    | "baptist"
                    | "university"
                    | "public"
            )
            && text.raw[text.words[i].end..text.words[i + 1].start] == *" "
            && text.is_capitalised(i)
            && CLASSES
                .get(text.lower_word(i))
                .is_some_and(|f| f & F_TOWN != 0)
        {
            out.push((text.words[i].start, text.words[i + 1].end));
            continue;
        }
        // Session 19: and a hospital's word of another language before its town, a particle
        // between or not ("CHU de Bordeaux", "uniklinik heidelberg", "Klinikum Stuttgart",
        // "ospedale di Padova"): the hospital, in any case.
        if matches!(
            text.lower_word(i),
            "chu"
                | "chru"
                | "hôpital"
                | "hopital"
                | "clinique"
                | "klinikum"
                | "uniklinik"
                | "universitätsklinikum"
                | "universitatsklinikum"
                | "ospedale"
                | "policlinico"
        ) {
            let particle = |k: usize| {
                matches!(
                    text.lower_word(k),
                    "de" | "du" | "des" | "di" | "del" | "der" | "da" | "do" | "dos"
                )
            };
            let town = |k: usize| {
                k < text.words.len()
                    && CLASSES
                        .get(fold(text.lower_word(k)).as_str())
                        .is_some_and(|f| f & F_TOWN != 0)
            };
            let k = if i + 2 < text.words.len() && particle(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if town(k) {
                out.push((text.words[i].start, text.words[k].end));
                continue;
            }
        }
        // The lists are folded to ASCII ("celine dion" for "Céline Dion").
        let same = |k: usize, w: &str| {
            let t = text.lower_word(k);
            t == w || (!t.is_ascii() && fold(t) == w)
        };
        let first = text.lower_word(i);
        let phrases = if first.is_ascii() {
            INSTITUTION_BY_FIRST.get(first)
        } else {
            INSTITUTION_BY_FIRST.get(fold(first).as_str())
        };
        let Some(phrases) = phrases else {
            continue;
        };
        for p in phrases {
            let end = i + p.len() - 1;
            // Session 21: the last word may carry a possessive written without its apostrophe
            // ("david attenboroughs stamina").
            if end < text.words.len()
                && p.iter().enumerate().all(|(k, w)| {
                    same(i + k, w)
                        || (k + 1 == p.len()
                            && p.len() > 1
                            && text.lower_word(i + k).strip_suffix('s') == Some(*w))
                })
            {
                out.push((text.words[i].start, text.words[end].end));
                break;
            }
        }
    }
    out
}

pub const F_FIRST: u16 = 1;
pub const F_SURNAME: u16 = 2;
pub const F_NAME_WORD: u16 = 4;
pub const F_FUNCTION: u16 = 8;
pub const F_RELATION: u16 = 16;
pub const F_TITLE: u16 = 32;
pub const F_STATE: u16 = 64;
pub const F_STATE_ABBR: u16 = 128;
/// On a list of names of every origin, not on the US Census's (with `F_FIRST` or `F_SURNAME`).
pub const F_WORLD: u16 = 256;
/// An English word (SCOWL).
pub const F_ENGLISH: u16 = 512;
/// On the US Census given names (`first-names.txt`): a name even where another country's
/// lists hold it as a surname too ("Kevin", "Alma").
pub const F_CENSUS_FIRST: u16 = 1024;
/// The one-word name of a town of 15,000 people or more (`TOWNS`).
pub const F_TOWN: u16 = 2048;

/// The world's towns of 15,000 people or more (GeoNames, CC BY 4.0), folded like the names; one-word
/// names that are English words left out. A town's name is no one's ("London has", "Boston's").
const TOWNS: &str = include_str!("../../../data/phi/towns-world.txt");

/// Every listed word with the lists it is on, so that a word is looked up once per post.
static CLASSES: LazyLock<HashMap<&'static str, u16, BuildHasherDefault<Fx>>> =
    LazyLock::new(|| {
        let mut m: HashMap<&'static str, u16, BuildHasherDefault<Fx>> =
            HashMap::with_capacity_and_hasher(131_072, BuildHasherDefault::default());
        // The data files hold one word a line.
        for (list, flag) in [
            (FIRST, F_FIRST | F_CENSUS_FIRST),
            (SURNAME, F_SURNAME),
            (NAME_WORD, F_NAME_WORD),
            (WORLD_FIRST, F_FIRST | F_WORLD),
            (WORLD_SURNAME, F_SURNAME | F_WORLD),
            (WIKI_FIRST, F_FIRST | F_WORLD),
            (WIKI_SURNAME, F_SURNAME | F_WORLD),
            (WORLD_NAME_WORD, F_NAME_WORD),
            (ENGLISH, F_ENGLISH),
        ] {
            for w in list.lines() {
                *m.entry(w.trim_end_matches('\r')).or_insert(0) |= flag;
            }
        }
        for (list, flag) in [
            (NOT_NAMES, F_NAME_WORD),
            (FUNCTION, F_FUNCTION),
            (RELATION, F_RELATION),
            (TITLE, F_TITLE),
            (STATE_NAME, F_STATE),
            (STATE_ABBR, F_STATE_ABBR),
        ] {
            for w in list.split_ascii_whitespace() {
                *m.entry(w).or_insert(0) |= flag;
            }
        }
        // A lab test's name is no one's ("crp", "ana").
        for &w in crate::phi::labs::LAB_TESTS {
            *m.entry(w).or_insert(0) |= F_NAME_WORD;
        }
        // Names of one word only: a word is looked up alone.
        for w in TOWNS.lines().filter(|w| !w.contains([' ', '-'])) {
            *m.entry(w.trim_end_matches('\r')).or_insert(0) |= F_TOWN;
        }
        for w in WORD_NAMES.split_ascii_whitespace() {
            *m.entry(w).or_insert(0) |= F_FIRST | F_WORLD | F_NAME_WORD;
        }
        // A US birth name (or one typed for the communities we serve) that the small lists
        // hold as a kin word, a title or a function word ("tita", "nana", "sister", "abba") is
        // that word here: "Tita Baby" is an aunt called Baby.
        for (list, flag) in [
            (SSA_FIRST, F_FIRST | F_WORLD),
            (TYPED_FIRST, F_FIRST | F_WORLD),
            (TYPED_SURNAME, F_SURNAME | F_WORLD),
        ] {
            for w in list.lines() {
                let f = m.entry(w.trim_end_matches('\r')).or_insert(0);
                if *f & (F_RELATION | F_TITLE | F_FUNCTION | F_STATE | F_STATE_ABBR) == 0 {
                    *f |= flag;
                }
            }
        }
        m
    });

/// The post with each word's lists looked up once.
pub struct Doc<'a> {
    pub text: &'a Text<'a>,
    flags: Vec<u16>,
    /// How many more words may be checked for being one letter off an English word (each
    /// check costs a few hundred look-ups; a post full of cues must stay cheap).
    pub typo_checks: Cell<u16>,
    /// Each word's answer to `names::unknown` once asked (0 not yet, 1 no, 2 yes): several
    /// rules ask about the same word, and each asking would spend the budget above again.
    pub unknown_seen: Vec<Cell<u8>>,
    /// Words whose capital says nothing about a name: English words on a Title Case line
    /// (`title_case`).
    plain_capital: Vec<bool>,
    /// Words in a sentence of another language (`foreign::FOREIGN`, and `GERMAN`).
    foreign: Vec<u8>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a Text<'a>) -> Self {
        let flags: Vec<u16> = (0..text.words.len())
            .map(|i| {
                let w = text.lower_word(i);
                if w.len() > 40 {
                    0
                } else if w.is_ascii() {
                    let f = CLASSES.get(w).copied().unwrap_or(0);
                    // Session 17: chat drops the g of "-ing" ("goin round", "gettin
                    // twinges"): such a word is the English word, unless the Census holds it
                    // as a given name ("Darin").
                    if f & (F_ENGLISH | F_CENSUS_FIRST) == 0
                        && w.len() >= 4
                        && w.ends_with("in")
                        && g_dropped(w)
                    {
                        f | F_ENGLISH
                    } else {
                        f
                    }
                } else {
                    CLASSES.get(fold(w).as_str()).copied().unwrap_or(0)
                }
            })
            .collect();
        let plain_capital = super::title_case::plain_capitals(text, &flags);
        let foreign = super::foreign::foreign_words(text, &flags);
        Doc {
            text,
            flags,
            typo_checks: Cell::new(64),
            unknown_seen: vec![Cell::new(0); text.words.len()],
            plain_capital,
            foreign,
        }
    }

    /// Whether word `i` stands in a sentence of another language (`foreign`).
    pub fn foreign(&self, i: usize) -> bool {
        self.foreign
            .get(i)
            .is_some_and(|f| f & super::foreign::FOREIGN != 0)
    }

    /// Whether word `i` stands in a German sentence, where nouns have capitals.
    pub fn german(&self, i: usize) -> bool {
        self.foreign
            .get(i)
            .is_some_and(|f| f & super::foreign::GERMAN != 0)
    }

    /// Whether word `i` starts with a capital that may mark a name: as [`Text::is_capitalised`],
    /// but not an English word on a Title Case line ("My Mum Keeps Forgetting…"). Every detector
    /// that reads a `Doc` asks this one.
    /// Word `i` is in lower case in a post whose writer capitalises names: a cue's word
    /// then is no name ("my name is ok"). A writer whose only capitals are codes and acronyms
    /// ("aroha here, my nhi is ZAC4471") does not capitalise names (session 17: the rules
    /// after a cue asked `cased` alone, and lost every lower-case name beside a code).
    pub fn lower_among_capitals(&self, i: usize) -> bool {
        self.text.cased && self.text.titled && !self.is_capitalised(i)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.text.is_capitalised(i) && !self.plain_capital.get(i).copied().unwrap_or(false)
    }

    /// Whether word `i` is on the list `flag` (one of the `F_` constants).
    pub fn is(&self, i: usize, flag: u16) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }
}

impl<'a> Deref for Doc<'a> {
    type Target = Text<'a>;
    fn deref(&self) -> &Text<'a> {
        self.text
    }
}

/// A word in lower case without its diacritics, as the name lists hold it: "Jürgen" is "jurgen",
/// "Weiß" is "weiss", "Łukasz" is "lukasz" (kept in step with `fold` in `data/phi/build.py`).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẽ' | 'ệ' | 'ế' | 'ề' | 'ể' | 'ễ' => {
                "e"
            }
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò'..='ö'
            | 'ø'
            | 'ō'
            | 'ŏ'
            | 'ő'
            | 'ơ'
            | 'ǒ'
            | 'ọ'
            | 'ố'
            | 'ồ'
            | 'ổ'
            | 'ỗ'
            | 'ộ'
            | 'ớ'
            | 'ờ' => "o",
            'œ' => "oe",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ß' => "ss",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'þ' => "th",
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ứ' | 'ừ' => {
                "u"
            }
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' | 'ỳ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// Whether an ASCII lower-case word is one letter off an English word: one letter dropped,
/// changed, added, or two swapped ("allways", "definately", "teh", "evryone"). Typos, not names.
pub fn near_english(w: &str) -> bool {
    near(w, F_ENGLISH)
}

/// Whether an ASCII lower-case word is one letter off a relation word: "neice", "huband".
pub fn near_relation(w: &str) -> bool {
    near(w, F_RELATION)
}

/// Whether an ASCII lower-case word is one letter off a word that stands where a person's name
/// would without being one: a word on the lists `flags` (function words, relations, titles)
/// or one `filler` takes ("texted evryone", "rang bakc" are typos; "texted sipho" is a name,
/// "siphon" fits no slot).
pub fn near_filler(w: &str, flags: u16, filler: impl Fn(&str) -> bool) -> bool {
    near_by(w, |c| {
        CLASSES.get(c).is_some_and(|f| f & flags != 0) || filler(c)
    })
}

/// One letter dropped, changed, added, or two swapped, gives a word on the list `flag`.
fn near(w: &str, flag: u16) -> bool {
    near_by(w, |c| CLASSES.get(c).is_some_and(|f| f & flag != 0))
}

/// One letter dropped, changed, added, or two swapped, gives a word `hit` takes. Each variant
/// is built in one buffer, letter by letter (a letter of "señora" is one letter), with no
/// allocation per variant: the typo checks were a tenth of the scanner's time (session 18).
fn near_by(w: &str, hit: impl Fn(&str) -> bool) -> bool {
    let mut c = String::with_capacity(w.len() + 4);
    let letters = || 'a'..='z';
    let mut chars = w.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let rest = i + ch.len_utf8();
        c.clear();
        c.push_str(&w[..i]);
        c.push_str(&w[rest..]);
        if hit(&c) {
            return true;
        }
        if let Some(&(j, next)) = chars.peek() {
            c.clear();
            c.push_str(&w[..i]);
            c.push(next);
            c.push(ch);
            c.push_str(&w[j + next.len_utf8()..]);
            if hit(&c) {
                return true;
            }
        }
        for l in letters().filter(|&l| l != ch) {
            c.clear();
            c.push_str(&w[..i]);
            c.push(l);
            c.push_str(&w[rest..]);
            if hit(&c) {
                return true;
            }
        }
    }
    // A letter left out: "evryone", "definitly".
    for i in (0..=w.len()).filter(|&i| w.is_char_boundary(i)) {
        for l in letters() {
            c.clear();
            c.push_str(&w[..i]);
            c.push(l);
            c.push_str(&w[i..]);
            if hit(&c) {
                return true;
            }
        }
    }
    false
}

/// A given name on a list that is no English word nor a name that is one ("ayesha", not
/// "grace"), looked up for a word's stem ("ayeshas" written for "ayesha's").
pub fn plain_given_name(w: &str) -> bool {
    CLASSES
        .get(w)
        .is_some_and(|f| f & F_FIRST != 0 && f & (F_ENGLISH | F_NAME_WORD | F_FUNCTION) == 0)
}

/// "goin", "gettin", "nothin": an English "-ing" word with its g dropped.
fn g_dropped(w: &str) -> bool {
    let mut g = String::with_capacity(w.len() + 1);
    g.push_str(w);
    g.push('g');
    english(&g)
}

/// Whether an ASCII lower-case word is on the English word list.
pub fn english(w: &str) -> bool {
    CLASSES.get(w).is_some_and(|f| f & F_ENGLISH != 0)
}

/// Whether a word is a family, household or care relation ("daughter", "patient").
pub fn relation(w: &str) -> bool {
    CLASSES.get(w).is_some_and(|f| f & F_RELATION != 0)
}
