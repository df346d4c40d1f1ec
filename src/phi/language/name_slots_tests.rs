//! Tests of `name_slots`: the slots only a person fills, and the words that stay words there.

use super::super::test_support::found;
use super::{after_job, persons_slot};

#[test]
fn slots_of_grief_prayer_visits_and_care_take_a_person() {
    for (raw, want) in [
        ("rest easy annelie. u fought harder than any1", "annelie"),
        ("rip bohdan 34 years old, gone far too soon", "bohdan"),
        ("Remembering Lerato today, who loved bad puns", "Lerato"),
        ("praying for Tendai tonight", "Tendai"),
        (
            "praying hard for friedrich and the whole family",
            "friedrich",
        ),
        ("big hug to sian youll smash the scan tomorrow", "sian"),
        ("just got back from visiting pawel, hes on ward 7", "pawel"),
        (
            "still waiting for the MRI results for Oluwaseun",
            "Oluwaseun",
        ),
        ("Ask for Els on the chemo day unit", "Els"),
        ("please keep françois in ur prayers tonight", "françois"),
        ("who is waqar? some1 keeps mentioning her", "waqar"),
        ("wish oliveira luck first day of the trial", "oliveira"),
        ("Please welcome Joy to the group", "Joy"),
        ("they've moved andrei 2 the side room", "andrei"),
        ("nobody listens to rizky at the gp", "rizky"),
        ("if anyone sees budi at clinic tell her", "budi"),
        (
            "does drummond still work at the fertility clinic?",
            "drummond",
        ),
        (
            "any1 elses consultant like christodoulou? never looks up",
            "christodoulou",
        ),
        (
            "has anyone been under oyelaran at the pain clinic",
            "oyelaran",
        ),
        ("met the lovely mahnaz at the meetup", "mahnaz"),
        (
            "sorry ive been quiet, looking after hosseini full time",
            "hosseini",
        ),
        // Set 29's.
        ("AGREE WITH HAMISH, PUSH FOR THE REFERRAL.", "HAMISH"),
        ("CAN PRIYA MESSAGE ME ABOUT THE GROUP?", "PRIYA"),
        // Set 24's slots.
        ("They let Bisi hold the baby for the first time", "Bisi"),
        ("The physio made Tuấn do twenty minutes on the bike", "Tuấn"),
        ("was lovely to meet ayodele in person", "ayodele"),
        ("Has anyone heard from Tendai lately?", "Tendai"),
        ("Wrote a letter to Violet that I'll never send", "Violet"),
        ("Nobody believed Dellroy abt the pain", "Dellroy"),
        ("sitting beside bethan in the dialysis unit", "bethan"),
        ("Remember caoimhe who used 2 post here?", "caoimhe"),
        ("all the staff, especially bisi, were amazing", "bisi"),
    ] {
        assert_eq!(found(raw, persons_slot), vec![want], "{raw}");
    }
    for raw in [
        // Things, places and words in the same slots.
        "rest easy everyone, big day tomorrow",
        "praying for strength and good news",
        "big hug to everyone who replied",
        "visiting Leeds next week for the trial",
        "still waiting for the MRI results for my knee",
        "ask for help on the ward, they won't mind",
        "keep it in ur prayers please",
        "who is responsible? nobody answers",
        "does Lucozade still count as a hypo treatment?",
        "does metformin still work after years?",
        "my consultant like everyone else is overworked",
        "been under anaesthetic twice this year",
        "the lovely Leeds weather again",
        "looking after yourself matters too",
        "they moved Leeds to tier 2",
        "they let everyone hold the baby",
        "agree with the GP, push for it",
        "can someone message me the link",
        "lovely to meet Leeds at last",
        "has anyone heard from Macmillan yet?",
        "sitting beside the window helps",
        "all the staff, especially nights, were amazing",
    ] {
        assert!(found(raw, persons_slot).is_empty(), "{raw}");
    }
}

/// Session 20 (probe set 31): a person as the object of what carers do, see, lose and arrange;
/// things and drugs in the same slots stay words.
#[test]
fn a_person_as_the_object_of_care() {
    for (raw, want) in [
        ("i helped efua into the shower", "efua"),
        (
            "they transferred njeri 2 the stroke unit overnight",
            "njeri",
        ),
        ("THEY DISCHARGED BAMBANG WITH NO CARE PACKAGE", "BAMBANG"),
        ("we invited rokeya 2 the support group", "rokeya"),
        ("nothing has been the same since losing lungile", "lungile"),
        ("watching rupa sleep is the only time i relax", "rupa"),
        ("ive been arguing w anong about stopping treatment", "anong"),
        ("the operation was done by osei and the team", "osei"),
        (
            "The night staff kept calling Rudo by the wrong name",
            "Rudo",
        ),
        ("the chemo nurse couldn't find a vein on hēmi again", "hēmi"),
        ("the last photo of caio is on my phone", "caio"),
        ("could someone message annegret to say hi", "annegret"),
        ("it's a year today since we said goodbye 2 dimas", "dimas"),
        ("happy birthday in heaven kwaku", "kwaku"),
        ("some1 has 2 keep covering for nimmi at work", "nimmi"),
        (
            "the wheelchair assessment for chaminda is booked",
            "chaminda",
        ),
        (
            "The ambulance took four hours to reach Kulwinder",
            "Kulwinder",
        ),
        // Session 21 (probe set 39).
        (
            "the consultant discharged wislande without any pain relief",
            "wislande",
        ),
        (
            "cant leave porntip alone anymore she wanders at night",
            "porntip",
        ),
        (
            "a letter came for sanne saying the referral was rejected",
            "sanne",
        ),
        ("kr drove up to help me with milica this week", "milica"),
        (
            "The school rang to say Qiang was having a seizure in PE",
            "Qiang",
        ),
        ("sahra and my gran both had it", "sahra"),
        ("i'm worried tolga is restricting again", "tolga"),
        ("The hospice let Chotu have her dog visit", "Chotu"),
        ("It was Hunter who noticed the mole had changed.", "Hunter"),
        (
            "I'm so angry with Inderjit for not visiting mum once",
            "Inderjit",
        ),
        (
            "all this is so hard on kourosh shes doing everything",
            "kourosh",
        ),
        (
            "honestly if it wasn't for moumita id have given up",
            "moumita",
        ),
        (
            "like wislande said in the other thread ask for a dexa scan",
            "wislande",
        ),
        ("we named the new puppy after athina", "athina"),
    ] {
        assert_eq!(found(raw, persons_slot), vec![want], "{raw}");
    }
    for raw in [
        "i helped the nurse into the office",
        "they transferred the money to the hospice",
        "since losing weight i feel better",
        "the operation was done by keyhole",
        "no news on the scan yet",
        "a card from Macmillan came today",
        "covering for metformin is not easy",
        "the pharmacist gave metformin the blame",
        "too hard for the kids",
        "the parcel came for me, cant leave it alone",
        "help me with insulin please, rang to say it was ready",
        "work and my kids take all my time",
        "chemo and my mum both wiped me out",
        "i'm worried it is cancer, it was me who noticed",
        "they let me have a sandwich",
        "so angry with the council, it is hard on my knees",
        "if it wasnt for metformin, named after the hospital",
        "Flexi cysto booked for August",
    ] {
        assert!(found(raw, persons_slot).is_empty(), "{raw}");
    }
}

#[test]
fn a_person_after_their_job() {
    for (raw, want) in [
        ("the OT rhys set up a perching stool", "rhys"),
        ("the receptionist funmilayo told my mother", "funmilayo"),
        ("Complaint: the receptionist, Iolo, told my mother", "Iolo"),
        (
            "the palliative team lead (Coral) says we can go home",
            "Coral",
        ),
        ("our stoma nurse Bisi rang back", "Bisi"),
    ] {
        assert_eq!(found(raw, after_job), vec![want], "{raw}");
    }
    for raw in [
        "the nurse practitioner was great",
        "the receptionist said no",
        "the palliative team lead says we can go home",
        "my sister Ngozi came",
        "the OT Tuesday was cancelled",
    ] {
        assert!(found(raw, after_job).is_empty(), "{raw}");
    }
}

/// Session 22 (probe set 22): whom one fears for, rows with, tells about or hears from, a small
/// child, and "if it weren't for"; things and places in the same slots stay words.
#[test]
fn fear_rows_news_and_small_children() {
    for (raw, want) in [
        ("I'M SO WORRIED FOR CHINTU RIGHT NOW.", "CHINTU"),
        ("had a row with schröder at the council again", "schröder"),
        ("I finally told Tendai about the biopsy results.", "Tendai"),
        ("much love from somtochukwu and the kids", "somtochukwu"),
        ("little themba aged 3 thinks the pump is a phone", "themba"),
        (
            "If it weren't for Saravanan I wouldn't be here",
            "Saravanan",
        ),
        (
            "email Tendai at tendai1@example.net about the bake sale",
            "Tendai",
        ),
        ("Sending love to you and Obinna x", "Obinna"),
        (
            "last chemo for tendai was today and the nurses sang",
            "tendai",
        ),
        (
            "mam wants lewandowski 2 do the reading at the service",
            "lewandowski",
        ),
        (
            "GRANDAD THINKS NATARAJAN IS HIS WIFE SOMETIMES.",
            "NATARAJAN",
        ),
    ] {
        assert_eq!(found(raw, persons_slot), vec![want], "{raw}");
    }
    for raw in [
        "so worried about Leeds flooding again",
        "worried for nothing as it turned out",
        "had a row with the council again",
        "told everyone about the biopsy",
        "much love from Leeds",
        "a little bit better today",
        "the little ones are at school",
        "If it weren't for Macmillan I'd be lost",
        "email Leeds at the council address",
        "text macmillan on their support line",
        "love to you and yours",
        "last chemo for now, fingers crossed",
        "scan for lymphoma booked",
        "mum wants Tesco to deliver again",
        "he thinks Ozempic is his only hope",
        "in Jesus name, Amen, we pray",
    ] {
        assert!(found(raw, persons_slot).is_empty(), "{raw}");
    }
}
