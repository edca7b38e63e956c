//! The widget's own words in each language it speaks. Lesson content comes from the pack;
//! these are the buttons, labels and announcements around it.

/// The UI strings of one language. `{}` marks where a value goes (see [`fill`]).
#[derive(Debug)]
pub struct Strings {
    pub lang: &'static str,
    pub rtl: bool,
    pub learn: &'static str,
    pub panel_title: &'static str,
    pub panel_intro: &'static str,
    pub no_lessons: &'static str,
    pub close: &'static str,
    pub close_lesson: &'static str,
    pub back: &'static str,
    pub minutes: &'static str,
    pub layers: &'static str,
    pub why: &'static str,
    pub what: &'static str,
    pub how: &'static str,
    pub not_now: &'static str,
    pub know_this: &'static str,
    pub show_me: &'static str,
    pub beacon: &'static str,
    pub completed: &'static str,
    pub next_up: &'static str,
    pub builds_on: &'static str,
    pub leads_to: &'static str,
    pub done: &'static str,
    pub known: &'static str,
    pub next: &'static str,
    pub available: &'static str,
    pub do_it: &'static str,
    pub goals_question: &'static str,
    pub goals: &'static str,
    pub skip: &'static str,
    pub your_path: &'static str,
    pub left: &'static str,
    pub skill_earned: &'static str,
    pub step_of: &'static str,
    pub next_step: &'static str,
    pub previous_step: &'static str,
    pub finish: &'static str,
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
};

const ALL: [&Strings; 7] = [&EN, &DE, &FR, &ES, &JA, &AR, &HE];

/// The strings for a BCP 47 tag such as `de-CH` or `pt-BR`: the language's, else English.
pub fn strings(locale: &str) -> &'static Strings {
    let lang = locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ALL.into_iter().find(|s| s.lang == lang).unwrap_or(&EN)
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
            for t in [s.panel_title, s.minutes, s.beacon, s.completed, s.your_path, s.left, s.step_of] {
                assert_eq!(t.matches("{}").count(), 1, "{}: {t}", s.lang);
            }
        }
    }
}
