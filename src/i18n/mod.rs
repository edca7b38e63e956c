//! The widget's own words in each language it speaks. Lesson content comes from the pack;
//! these are the buttons, labels and announcements around it, and the reasons behind each
//! suggestion, put into words here so no English reaches a learner of another language.

mod locale;

/// How a language counts: which form of "{} lessons" a number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// One form for 1, another for every other number (English, German, Spanish, Hebrew).
    One,
    /// One form for 0 and 1 (French).
    ZeroOne,
    /// The same form for every number (Japanese).
    None,
    /// Arabic, with numerals: the plural from 3 to 10 ("3 دروس"), the singular otherwise
    /// ("12 درس").
    Arabic,
}

/// The UI strings of one language. `{}` marks where a value goes (see [`fill`]).
#[derive(Debug)]
pub struct Strings {
    /// BCP 47 tag set as `lang` on the widget, so screen readers pronounce the Lessons right.
    pub lang: &'static str,
    /// Whether the widget lays out right to left for this language.
    pub rtl: bool,
    /// Label of the launcher button that opens the Lesson panel.
    pub learn: &'static str,
    /// Panel heading; `{}` is the Pack title.
    pub panel_title: &'static str,
    /// Line under the panel heading that tells the learner the Lessons have no set order.
    pub panel_intro: &'static str,
    /// Shown in the panel when no Lesson applies to this page.
    pub no_lessons: &'static str,
    /// Accessible name of the button that closes the panel.
    pub close: &'static str,
    /// Accessible name of the button that closes a Lesson card.
    pub close_lesson: &'static str,
    /// Button that takes the learner from a Lesson card back to the panel.
    pub back: &'static str,
    /// A Lesson's estimated length; `{}` is the minutes.
    pub minutes: &'static str,
    /// Accessible name of the tab list that switches between a Lesson's Layers.
    pub layers: &'static str,
    /// Tab label of the Why Layer.
    pub why: &'static str,
    /// Tab label of the What Layer.
    pub what: &'static str,
    /// Tab label of the How Layer.
    pub how: &'static str,
    /// Button that snoozes a Lesson the widget brought up by itself.
    pub not_now: &'static str,
    /// Button that marks a Lesson known, so it is never suggested again.
    pub know_this: &'static str,
    /// Button that points the learner at the Lesson's Anchor on the page.
    pub show_me: &'static str,
    /// Accessible name of a Beacon; `{}` is the Lesson title.
    pub beacon: &'static str,
    /// Announcement when a Lesson completes; `{}` is its title.
    pub completed: &'static str,
    /// Heading of the Lesson suggested after the one just completed.
    pub next_up: &'static str,
    /// Heading of the prerequisites a Lesson builds on.
    pub builds_on: &'static str,
    /// Heading of the Lessons that have this one as a prerequisite.
    pub leads_to: &'static str,
    /// Progress mark of a completed Lesson on the learning map.
    pub done: &'static str,
    /// Progress mark of a Lesson the learner said they know.
    pub known: &'static str,
    /// Mark of the Lesson to take next on the way to a Goal.
    pub next: &'static str,
    /// Mark of a Lesson that can be taken now.
    pub available: &'static str,
    /// Hint on a Lesson that completes only when the learner does the task in the host app.
    pub do_it: &'static str,
    /// Question that opens the Goal picker.
    pub goals_question: &'static str,
    /// Heading of the learner's chosen Goals.
    pub goals: &'static str,
    /// Button that leaves the Goal picker without choosing.
    pub skip: &'static str,
    /// Heading of the learning map toward a Goal; `{}` is the Goal title.
    pub your_path: &'static str,
    /// What remains of a Goal's path; `{}` is the Lesson count.
    pub left: &'static str,
    /// Badge shown when a Lesson is completed.
    pub skill_earned: &'static str,
    /// Position in a How Layer walkthrough; `{}` is the step number.
    pub step_of: &'static str,
    /// Button that moves a walkthrough to its next step.
    pub next_step: &'static str,
    /// Button that moves a walkthrough back one step.
    pub previous_step: &'static str,
    /// Button on the last walkthrough step that completes the Lesson.
    pub finish: &'static str,
    /// Plural rule of this language, which picks between the singular and plural forms.
    pub plural: Plural,
    /// "{} lesson" and "{} lessons", as [`Plural`] picks them.
    pub lessons: [&'static str; 2],
    /// Minutes, short: "{} min".
    pub min: &'static str,
    /// Ranking reason: the Lesson serves one chosen Goal, named in `{}`.
    pub for_goal: &'static str,
    /// Ranking reason: the Lesson serves several chosen Goals, listed in `{}`.
    pub for_goals: &'static str,
    /// Between the items of a list: ", ".
    pub comma: &'static str,
    /// Before the last item of a list: " and ".
    pub and: &'static str,
    /// Ranking reason: the Lesson was picked for the learner's role trait.
    pub for_role: &'static str,
    /// Ranking reason: the Lesson's Anchor is visible on screen.
    pub on_screen: &'static str,
    /// Ranking reason: the Lesson's Anchor is on the page but not in view.
    pub on_page: &'static str,
    /// Ranking reason: the learner completed this Lesson's prerequisites.
    pub builds_on_done: &'static str,
    /// Why a Lesson waits: `{}` names the prerequisite to take first.
    pub after: &'static str,
    /// Ranking reason: completing the Lesson unlocks `{}`.
    pub unlocks: &'static str,
    /// Why a Lesson is held back: the learner snoozed it.
    pub snoozed: &'static str,
    /// Why a Lesson is held back: the learner said they know it.
    pub you_know: &'static str,
    /// Coaching's line: `{}` is the goal the learner seems to be working on, in bold.
    pub looks_like: &'static str,
    /// Accessible name of coaching's line.
    pub guessed_goal: &'static str,
    /// Button that makes the guessed goal the learner's chosen goal.
    pub yes: &'static str,
    /// Button that says the guess is wrong: never guessed again.
    pub not_this: &'static str,
}

const EN: Strings = Strings {
    lang: "en",
    rtl: false,
    learn: "Learn",
    panel_title: "Learn {}",
    panel_intro: "Lessons for this page. Take them in any order.",
    no_lessons: "No lessons for this page yet.",
    close: "Close",
    close_lesson: "Close lesson",
    back: "Back to lessons",
    minutes: "About {} min",
    layers: "Lesson layers",
    why: "Why",
    what: "What",
    how: "How",
    not_now: "Not now",
    know_this: "I know this",
    show_me: "Show me",
    beacon: "Lesson: {}",
    completed: "Lesson completed: {}",
    next_up: "Next up",
    builds_on: "Builds on",
    leads_to: "Leads to",
    done: "done",
    known: "known",
    next: "next",
    available: "available",
    do_it: "Do it in the app to complete this lesson.",
    goals_question: "What do you want to get done?",
    goals: "Goals",
    skip: "Skip for now",
    your_path: "Your path to {}",
    left: "{} left",
    skill_earned: "Skill earned",
    step_of: "Step {}",
    next_step: "Next step",
    previous_step: "Previous step",
    finish: "Done",
    plural: Plural::One,
    lessons: ["{} lesson", "{} lessons"],
    min: "{} min",
    for_goal: "for your goal {}",
    for_goals: "for your goals {}",
    comma: ", ",
    and: " and ",
    for_role: "picked for your role",
    on_screen: "on this screen",
    on_page: "on this page",
    builds_on_done: "builds on what you have done",
    after: "after {}",
    unlocks: "unlocks {}",
    snoozed: "snoozed",
    you_know: "you know this",
    looks_like: "Looks like you're working on {}",
    guessed_goal: "Suggested goal",
    yes: "Yes",
    not_this: "Not this",
};

const DE: Strings = Strings {
    lang: "de",
    rtl: false,
    learn: "Lernen",
    panel_title: "{} lernen",
    panel_intro: "Lektionen für diese Seite, in beliebiger Reihenfolge.",
    no_lessons: "Für diese Seite gibt es noch keine Lektionen.",
    close: "Schließen",
    close_lesson: "Lektion schließen",
    back: "Zurück zu den Lektionen",
    minutes: "Etwa {} Min.",
    layers: "Ebenen der Lektion",
    why: "Warum",
    what: "Was",
    how: "Wie",
    not_now: "Nicht jetzt",
    know_this: "Kenne ich schon",
    show_me: "Zeig es mir",
    beacon: "Lektion: {}",
    completed: "Lektion abgeschlossen: {}",
    next_up: "Als Nächstes",
    builds_on: "Baut auf",
    leads_to: "Führt zu",
    done: "erledigt",
    known: "bekannt",
    next: "als Nächstes",
    available: "verfügbar",
    do_it: "Erledige es in der App, um die Lektion abzuschließen.",
    goals_question: "Was möchtest du erreichen?",
    goals: "Ziele",
    skip: "Jetzt nicht",
    your_path: "Dein Weg zu: {}",
    left: "Noch {}",
    skill_earned: "Fähigkeit erworben",
    step_of: "Schritt {}",
    next_step: "Nächster Schritt",
    previous_step: "Vorheriger Schritt",
    finish: "Fertig",
    plural: Plural::One,
    lessons: ["{} Lektion", "{} Lektionen"],
    min: "{} Min.",
    for_goal: "zu deinem Ziel {}",
    for_goals: "zu deinen Zielen {}",
    comma: ", ",
    and: " und ",
    for_role: "passend zu deiner Rolle",
    on_screen: "auf diesem Bildschirm",
    on_page: "auf dieser Seite",
    builds_on_done: "baut auf Erledigtem auf",
    after: "nach {}",
    unlocks: "schaltet {} frei",
    snoozed: "zurückgestellt",
    you_know: "kennst du schon",
    looks_like: "Sieht so aus, als arbeitest du an {}",
    guessed_goal: "Vorgeschlagenes Ziel",
    yes: "Ja",
    not_this: "Nicht das",
};

const FR: Strings = Strings {
    lang: "fr",
    rtl: false,
    learn: "Apprendre",
    panel_title: "Apprendre {}",
    panel_intro: "Les leçons de cette page, dans l’ordre de votre choix.",
    no_lessons: "Aucune leçon pour cette page pour l’instant.",
    close: "Fermer",
    close_lesson: "Fermer la leçon",
    back: "Retour aux leçons",
    minutes: "Environ {} min",
    layers: "Niveaux de la leçon",
    why: "Pourquoi",
    what: "Quoi",
    how: "Comment",
    not_now: "Plus tard",
    know_this: "Je connais déjà",
    show_me: "Montrez-moi",
    beacon: "Leçon : {}",
    completed: "Leçon terminée : {}",
    next_up: "Ensuite",
    builds_on: "S’appuie sur",
    leads_to: "Mène à",
    done: "terminée",
    known: "connue",
    next: "suivante",
    available: "disponible",
    do_it: "Faites-le dans l’application pour terminer la leçon.",
    goals_question: "Que voulez-vous accomplir ?",
    goals: "Objectifs",
    skip: "Plus tard",
    your_path: "Votre parcours : {}",
    left: "Reste {}",
    skill_earned: "Compétence acquise",
    step_of: "Étape {}",
    next_step: "Étape suivante",
    previous_step: "Étape précédente",
    finish: "Terminé",
    plural: Plural::ZeroOne,
    lessons: ["{} leçon", "{} leçons"],
    min: "{} min",
    for_goal: "pour votre objectif {}",
    for_goals: "pour vos objectifs {}",
    comma: ", ",
    and: " et ",
    for_role: "choisie pour votre rôle",
    on_screen: "sur cet écran",
    on_page: "sur cette page",
    builds_on_done: "s’appuie sur vos acquis",
    after: "après {}",
    unlocks: "débloque {}",
    snoozed: "reportée",
    you_know: "vous la connaissez",
    looks_like: "On dirait que vous travaillez sur {}",
    guessed_goal: "Objectif suggéré",
    yes: "Oui",
    not_this: "Pas ça",
};

const ES: Strings = Strings {
    lang: "es",
    rtl: false,
    learn: "Aprender",
    panel_title: "Aprender {}",
    panel_intro: "Lecciones para esta página, en el orden que prefieras.",
    no_lessons: "Todavía no hay lecciones para esta página.",
    close: "Cerrar",
    close_lesson: "Cerrar la lección",
    back: "Volver a las lecciones",
    minutes: "Unos {} min",
    layers: "Niveles de la lección",
    why: "Por qué",
    what: "Qué",
    how: "Cómo",
    not_now: "Ahora no",
    know_this: "Ya lo sé",
    show_me: "Muéstramelo",
    beacon: "Lección: {}",
    completed: "Lección completada: {}",
    next_up: "A continuación",
    builds_on: "Se basa en",
    leads_to: "Lleva a",
    done: "hecha",
    known: "conocida",
    next: "siguiente",
    available: "disponible",
    do_it: "Hazlo en la aplicación para completar la lección.",
    goals_question: "¿Qué quieres conseguir?",
    goals: "Objetivos",
    skip: "Ahora no",
    your_path: "Tu camino hacia {}",
    left: "Quedan {}",
    skill_earned: "Habilidad conseguida",
    step_of: "Paso {}",
    next_step: "Paso siguiente",
    previous_step: "Paso anterior",
    finish: "Listo",
    plural: Plural::One,
    lessons: ["{} lección", "{} lecciones"],
    min: "{} min",
    for_goal: "para tu objetivo {}",
    for_goals: "para tus objetivos {}",
    comma: ", ",
    and: " y ",
    for_role: "elegida para tu rol",
    on_screen: "en esta pantalla",
    on_page: "en esta página",
    builds_on_done: "se basa en lo que ya hiciste",
    after: "después de {}",
    unlocks: "desbloquea {}",
    snoozed: "pospuesta",
    you_know: "ya la conoces",
    looks_like: "Parece que estás trabajando en {}",
    guessed_goal: "Objetivo sugerido",
    yes: "Sí",
    not_this: "No es esto",
};

const JA: Strings = Strings {
    lang: "ja",
    rtl: false,
    learn: "学ぶ",
    panel_title: "{}を学ぶ",
    panel_intro: "このページのレッスンです。好きな順番でどうぞ。",
    no_lessons: "このページのレッスンはまだありません。",
    close: "閉じる",
    close_lesson: "レッスンを閉じる",
    back: "レッスン一覧に戻る",
    minutes: "約{}分",
    layers: "レッスンの階層",
    why: "なぜ",
    what: "何を",
    how: "どうやって",
    not_now: "後で",
    know_this: "知っています",
    show_me: "見せて",
    beacon: "レッスン: {}",
    completed: "レッスン完了: {}",
    next_up: "次のおすすめ",
    builds_on: "前提",
    leads_to: "次へ",
    done: "完了",
    known: "既知",
    next: "次",
    available: "受講可能",
    do_it: "アプリで実際に操作するとレッスンが完了します。",
    goals_question: "何を達成したいですか？",
    goals: "目標",
    skip: "後で",
    your_path: "{}への道のり",
    left: "残り{}",
    skill_earned: "スキル習得",
    step_of: "ステップ{}",
    next_step: "次のステップ",
    previous_step: "前のステップ",
    finish: "完了",
    plural: Plural::None,
    lessons: ["{}レッスン", "{}レッスン"],
    min: "{}分",
    for_goal: "目標「{}」のため",
    for_goals: "目標「{}」のため",
    comma: "、",
    and: "、",
    for_role: "あなたの役割向け",
    on_screen: "この画面にあります",
    on_page: "このページにあります",
    builds_on_done: "完了した内容の続き",
    after: "「{}」の後に",
    unlocks: "「{}」の準備",
    snoozed: "後回し中",
    you_know: "習得済み",
    looks_like: "「{}」に取り組んでいるようです",
    guessed_goal: "おすすめの目標",
    yes: "はい",
    not_this: "違います",
};

const AR: Strings = Strings {
    lang: "ar",
    rtl: true,
    learn: "تعلّم",
    panel_title: "تعلّم {}",
    panel_intro: "دروس هذه الصفحة، بالترتيب الذي تريده.",
    no_lessons: "لا توجد دروس لهذه الصفحة بعد.",
    close: "إغلاق",
    close_lesson: "إغلاق الدرس",
    back: "العودة إلى الدروس",
    minutes: "نحو {} دقيقة",
    layers: "مستويات الدرس",
    why: "لماذا",
    what: "ماذا",
    how: "كيف",
    not_now: "ليس الآن",
    know_this: "أعرف هذا",
    show_me: "أرني",
    beacon: "درس: {}",
    completed: "اكتمل الدرس: {}",
    next_up: "التالي",
    builds_on: "يعتمد على",
    leads_to: "يؤدي إلى",
    done: "مكتمل",
    known: "معروف",
    next: "التالي",
    available: "متاح",
    do_it: "نفّذ الخطوات في التطبيق لإكمال الدرس.",
    goals_question: "ماذا تريد أن تنجز؟",
    goals: "الأهداف",
    skip: "ليس الآن",
    your_path: "طريقك إلى {}",
    left: "المتبقي {}",
    skill_earned: "تم اكتساب المهارة",
    step_of: "الخطوة {}",
    next_step: "الخطوة التالية",
    previous_step: "الخطوة السابقة",
    finish: "تم",
    plural: Plural::Arabic,
    lessons: ["{} درس", "{} دروس"],
    min: "{} دقيقة",
    for_goal: "لهدفك {}",
    for_goals: "لأهدافك {}",
    comma: "، ",
    and: " و",
    for_role: "مختار لدورك",
    on_screen: "على هذه الشاشة",
    on_page: "في هذه الصفحة",
    builds_on_done: "يبني على ما أنجزته",
    after: "بعد {}",
    unlocks: "يفتح الطريق إلى {}",
    snoozed: "مؤجَّل",
    you_know: "تعرفه بالفعل",
    looks_like: "يبدو أنك تعمل على {}",
    guessed_goal: "هدف مقترح",
    yes: "نعم",
    not_this: "ليس هذا",
};

const HE: Strings = Strings {
    lang: "he",
    rtl: true,
    learn: "ללמוד",
    panel_title: "ללמוד את {}",
    panel_intro: "שיעורים לדף הזה, בכל סדר שתרצו.",
    no_lessons: "אין עדיין שיעורים לדף הזה.",
    close: "סגירה",
    close_lesson: "סגירת השיעור",
    back: "חזרה לשיעורים",
    minutes: "כ-{} דקות",
    layers: "רמות השיעור",
    why: "למה",
    what: "מה",
    how: "איך",
    not_now: "לא עכשיו",
    know_this: "אני כבר יודע",
    show_me: "הראו לי",
    beacon: "שיעור: {}",
    completed: "השיעור הושלם: {}",
    next_up: "הבא בתור",
    builds_on: "מבוסס על",
    leads_to: "מוביל אל",
    done: "הושלם",
    known: "מוכר",
    next: "הבא",
    available: "זמין",
    do_it: "בצעו את הפעולה באפליקציה כדי להשלים את השיעור.",
    goals_question: "מה תרצו להשיג?",
    goals: "יעדים",
    skip: "לא עכשיו",
    your_path: "הדרך שלך אל {}",
    left: "נותרו {}",
    skill_earned: "המיומנות נרכשה",
    step_of: "שלב {}",
    next_step: "השלב הבא",
    previous_step: "השלב הקודם",
    finish: "סיום",
    plural: Plural::One,
    lessons: ["שיעור {}", "{} שיעורים"],
    min: "{} דק׳",
    for_goal: "ליעד שלך {}",
    for_goals: "ליעדים שלך {}",
    comma: ", ",
    and: " ו",
    for_role: "נבחר לתפקיד שלך",
    on_screen: "במסך הזה",
    on_page: "בדף הזה",
    builds_on_done: "מבוסס על מה שכבר עשית",
    after: "אחרי {}",
    unlocks: "פותח את {}",
    snoozed: "נדחה",
    you_know: "כבר מוכר לך",
    looks_like: "נראה שאתם עובדים על {}",
    guessed_goal: "יעד מוצע",
    yes: "כן",
    not_this: "לא זה",
};

pub(crate) const ALL: [&Strings; 7] = [&EN, &DE, &FR, &ES, &JA, &AR, &HE];

/// The strings for a BCP 47 tag such as `de-CH` or `pt-BR`: the language's, else English.
pub fn strings(locale: &str) -> &'static Strings {
    let lang = locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ALL.into_iter().find(|s| s.lang == lang).unwrap_or(&EN)
}

impl Strings {
    /// `n` lessons, in the form the number takes: "1 lesson", "12 lessons".
    pub fn lessons(&self, n: usize) -> String {
        let one = match self.plural {
            Plural::One => n == 1,
            Plural::ZeroOne => n <= 1,
            Plural::None => true,
            Plural::Arabic => !(3..=10).contains(&n),
        };
        fill(self.lessons[usize::from(!one)], n)
    }

    /// What is left of a learning map: "12 lessons · 21 min left".
    pub fn left_of(&self, lessons: usize, minutes: u32) -> String {
        let both = format!("{} · {}", self.lessons(lessons), fill(self.min, minutes));
        fill(self.left, both)
    }
}

/// Puts `value` where the template says `{}`.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_fall_back_to_their_language_then_english() {
        assert_eq!(strings("de-CH").lang, "de");
        assert_eq!(strings("JA").lang, "ja");
        assert_eq!(strings("pt-BR").lang, "en");
        assert_eq!(strings("").lang, "en");
    }

    #[test]
    fn arabic_and_hebrew_read_right_to_left() {
        assert!(strings("ar").rtl && strings("he-IL").rtl);
        assert!(!strings("fr").rtl);
    }

    #[test]
    fn every_template_keeps_its_placeholder() {
        for s in ALL {
            for t in [
                s.panel_title,
                s.minutes,
                s.beacon,
                s.completed,
                s.your_path,
                s.left,
                s.step_of,
                s.lessons[0],
                s.lessons[1],
                s.min,
                s.for_goal,
                s.for_goals,
                s.after,
                s.unlocks,
            ] {
                assert_eq!(t.matches("{}").count(), 1, "{}: {t}", s.lang);
            }
        }
    }

    #[test]
    fn what_is_left_reads_as_words_with_the_right_number_forms() {
        // Bug pinned: the map said "4 · 8 min" in every language.
        assert_eq!(strings("en").left_of(12, 21), "12 lessons · 21 min left");
        assert_eq!(strings("en").left_of(1, 3), "1 lesson · 3 min left");
        assert_eq!(strings("de").left_of(12, 21), "Noch 12 Lektionen · 21 Min.");
        assert_eq!(strings("de").left_of(1, 2), "Noch 1 Lektion · 2 Min.");
        assert_eq!(strings("fr").lessons(0), "0 leçon");
        assert_eq!(strings("ja").lessons(3), "3レッスン");
        assert_eq!(strings("ar").lessons(3), "3 دروس");
        assert_eq!(strings("ar").lessons(12), "12 درس");
    }
}
