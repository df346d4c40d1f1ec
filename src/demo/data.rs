//! What the demo is made of: its members, the clinicians' credentials, the groups and their
//! conversations, and the replies that show moderation at work. Everything is invented and none
//! of it names a person; the one phone number is in 555-0100 to 555-0199, kept for fiction.

use crate::domain::{Role, Visibility};

/// Every demo account, by name; the numbers used below are indexes into this list.
pub const MEMBERS: &[(&str, Role)] = &[
    ("river_walker", Role::Member),
    ("quiet-owl", Role::Member),
    ("sunny_days_42", Role::Member),
    ("teapot-tom", Role::Member),
    ("marigold", Role::Member),
    ("night_shift_nurse", Role::Clinician),
    ("dr_pine", Role::Clinician),
    ("kindred_admin", Role::Admin),
];

/// The members who join every group: everyone but the admin.
pub const GROUP_MEMBERS: usize = 7;

/// Who approved the clinicians' applications and wrote the moderator's note.
pub const ADMIN: usize = 7;

/// A clinician's application, as approved.
pub struct Credentials {
    pub member: usize,
    pub npi: &'static str,
    pub license_state: &'static str,
    pub license_number: &'static str,
    pub specialty: &'static str,
}

/// The NPIs have a valid check digit but begin with 3, which no NPPES number does (theirs begin
/// with 1 or 2); the licence numbers say DEMO.
pub const CLINICIANS: &[Credentials] = &[
    Credentials {
        member: 5,
        npi: "3000000018",
        license_state: "OR",
        license_number: "DEMO-RN-0001",
        specialty: "Nursing",
    },
    Credentials {
        member: 6,
        npi: "3000000026",
        license_state: "MA",
        license_number: "DEMO-MD-0002",
        specialty: "Rheumatology",
    },
];

pub struct DemoGroup {
    pub slug: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub visibility: Visibility,
    pub threads: &'static [DemoThread],
}

pub struct DemoThread {
    pub title: &'static str,
    /// The opening post: (author, body).
    pub opening: (usize, &'static str),
    pub replies: &'static [DemoReply],
}

pub struct DemoReply {
    pub author: usize,
    /// The reply it answers, as an index into its thread's replies; None for the opening post.
    pub parent: Option<usize>,
    pub body: &'static str,
    pub shows: Shows,
}

/// What a reply shows of moderation.
pub enum Shows {
    /// Nothing: the scanner passes it and it is published.
    Nothing,
    /// The PHI scanner holds it: it waits in the moderation queue, seen only by its author and
    /// moderators, and counts nowhere.
    HeldForPhi,
    /// Published, with open reports: fewer than the auto-hide threshold, so it stays up and
    /// waits in the moderation queue.
    Reports(&'static [Report]),
    /// Published, with a moderator's note for its readers (Markdown).
    Note(&'static str),
}

pub struct Report {
    pub by: usize,
    /// One of `moderation::reports::REASONS`.
    pub reason: &'static str,
    pub note: &'static str,
}

const fn reply(author: usize, parent: Option<usize>, body: &'static str) -> DemoReply {
    DemoReply {
        author,
        parent,
        body,
        shows: Shows::Nothing,
    }
}

const fn with(reply: DemoReply, shows: Shows) -> DemoReply {
    DemoReply { shows, ..reply }
}

pub const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        slug: "type-1-diabetes",
        name: "Type 1 diabetes",
        description: "Living with type 1: pumps, sensors, hypos, carb counting and everything in between.",
        visibility: Visibility::Public,
        threads: &[
            DemoThread {
                title: "Night-time lows after exercise: what helps you?",
                opening: (0, "I run three evenings a week and keep going low around **3am**. I've tried a small snack before bed. What works for you?"),
                replies: &[
                    reply(1, None, "A temporary basal reduction overnight made the biggest difference for me. Worth asking your team about the numbers."),
                    reply(5, Some(0), "Good advice. Many people find a **20–30 % lower basal** for a few hours after evening exercise helps, but please set the numbers with your diabetes team."),
                    reply(0, Some(1), "Thank you, I'll bring it up at my next appointment."),
                    reply(2, None, "Sensor alarms saved me. I set the low alert a bit higher on running days."),
                ],
            },
            DemoThread {
                title: "Pump site on the arm: worth trying?",
                opening: (3, "My stomach sites are getting tired. Has anyone moved to the back of the arm?"),
                replies: &[
                    reply(4, None, "Yes! Absorption felt a little slower for me at first, but rotation made a huge difference."),
                    with(
                        reply(1, None, "I moved to my arm last year and can show you how I place it. Text me on (412) 555-0147 any evening and we can talk it through."),
                        Shows::HeldForPhi,
                    ),
                ],
            },
        ],
    },
    DemoGroup {
        slug: "rheumatoid-arthritis",
        name: "Rheumatoid arthritis",
        description: "Flares, treatments, fatigue, work and family life with RA.",
        visibility: Visibility::Public,
        threads: &[DemoThread {
            title: "Fatigue on methotrexate day",
            opening: (2, "Is anyone else wiped out the day after their weekly dose? I'm on 15 mg."),
            replies: &[
                reply(6, None, "That's a common side effect. Taking it in the evening, and folic acid as prescribed, helps some people. Don't change your dose without talking to your rheumatologist."),
                with(
                    reply(4, Some(0), "Evening dosing changed everything for me."),
                    Shows::Note("What suits one person may not suit another: agree any change to when you take methotrexate with your rheumatology team."),
                ),
                reply(2, Some(1), "Trying that this week, thanks both."),
            ],
        }],
    },
    DemoGroup {
        slug: "long-covid",
        name: "Long COVID",
        description: "Pacing, brain fog, returning to work, and being believed.",
        visibility: Visibility::Registered,
        threads: &[DemoThread {
            title: "Pacing apps and heart-rate monitors",
            opening: (1, "Which tools do you use to pace? I keep crashing after good days."),
            replies: &[
                reply(3, None, "A simple heart-rate alert on my watch is what finally worked."),
                reply(0, Some(0), "Same. And planning rest *before* I feel tired."),
                with(
                    reply(2, None, "Honestly, pacing just keeps you ill. Push through with an hour of hard exercise every day and it will be gone in a month: it worked for me."),
                    Shows::Reports(&[
                        Report {
                            by: 1,
                            reason: "misinformation",
                            note: "Pushing through is what makes many of us crash. This could hurt someone.",
                        },
                        Report {
                            by: 4,
                            reason: "other",
                            note: "It reads as if people who are still ill are not trying hard enough.",
                        },
                    ]),
                ),
            ],
        }],
    },
    DemoGroup {
        slug: "caregivers",
        name: "Caregivers",
        description: "For people caring for a partner, parent or child. A private group: ask to join.",
        visibility: Visibility::Private,
        threads: &[DemoThread {
            title: "Making time for yourself",
            opening: (4, "How do you find an hour for yourself in the week? I feel guilty every time."),
            replies: &[reply(0, None, "Respite care once a fortnight. It took me a year to accept it, and it helped us both.")],
        }],
    },
];
