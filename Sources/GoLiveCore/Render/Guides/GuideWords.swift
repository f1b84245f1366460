/// The interface words of a user guide, in each language (the template holds the layout).
enum GuideWords {
    static func language(_ l: Language, in words: Language) -> String {
        switch (l, words) {
        case (.fr, .fr): return "française"
        case (.en, .fr): return "anglaise"
        case (.fr, .en): return "French"
        case (.en, .en): return "English"
        }
    }

    static func fallback(_ words: Language, content: Language) -> String {
        words == .fr
            ? "ce guide n'existe pas encore en français ; il est affiché dans sa version \(language(content, in: .fr))."
            : "this guide is not available in English yet; it is shown in its \(language(content, in: .en)) version."
    }

    static func note(_ l: Language) -> String { l == .fr ? "Note :" : "Note:" }
    static func contents(_ l: Language) -> String { l == .fr ? "Sommaire" : "Contents" }
    static func whatsNew(_ l: Language) -> String { l == .fr ? "Nouveautés" : "What's new" }
    static func whatsNew(in version: String, _ l: Language) -> String {
        l == .fr ? "Nouveautés de la version \(version)" : "What's new in \(version)"
    }
    static func fixed(_ l: Language) -> String { l == .fr ? "Problèmes corrigés" : "Fixed issues" }
    static func newIn(_ version: String, _ l: Language) -> String { l == .fr ? "nouveau en \(version)" : "new in \(version)" }
    static func otherFeedback(_ l: Language) -> String { l == .fr ? "Autres retours" : "Other feedback" }
    static func section(_ heading: String, _ l: Language) -> String { l == .fr ? "Section « \(heading) »" : "Section “\(heading)”" }

    static func label(_ entry: FeedbackEntry, _ l: Language) -> String {
        switch (entry.kind, l) {
        case (.issue, .fr): return "⚠️ Problème connu"
        case (.issue, .en): return "⚠️ Known issue"
        case (.tip, .fr): return "💡 Astuce"
        case (.tip, .en): return "💡 Tip"
        case (.question, .fr): return "❓ Question"
        case (.question, .en): return "❓ Question"
        }
    }

    static func answerLabel(_ entry: FeedbackEntry, _ l: Language) -> String {
        switch (entry.kind, entry.status, l) {
        case (.issue, .workaround, .fr): return "Contournement :"
        case (.issue, .workaround, .en): return "Workaround:"
        case (.issue, _, .fr): return "En cours d'analyse :"
        case (.issue, _, .en): return "Under investigation:"
        case (.tip, _, .fr): return "Notre réponse :"
        case (.tip, _, .en): return "Our answer:"
        case (.question, _, .fr): return "Réponse :"
        case (.question, _, .en): return "Answer:"
        }
    }

    static func change(_ c: Manifest.GuideChange, _ l: Language) -> String {
        let fr = l == .fr
        let colon = fr ? " : " : ": "
        let about = c.section.map { fr ? " (section « \($0) »)" : " (section “\($0)”)" } ?? ""
        switch c.kind {
        case .sectionAdded: return fr ? "Nouvelle section : « \(c.text) »" : "New section: “\(c.text)”"
        case .sectionUpdated: return fr ? "Section mise à jour : « \(c.text) »" : "Updated section: “\(c.text)”"
        case .sectionRemoved: return fr ? "Section retirée : « \(c.text) »" : "Removed section: “\(c.text)”"
        case .introductionUpdated: return fr ? "Introduction mise à jour" : "Updated introduction"
        case .issueAdded: return (fr ? "Nouveau problème connu" : "New known issue") + about + colon + c.text
        case .tipAdded: return (fr ? "Nouvelle astuce" : "New tip") + about + colon + c.text
        case .questionAnswered: return (fr ? "Nouvelle question traitée" : "Newly answered question") + about + colon + c.text
        case .workaroundAvailable: return (fr ? "Contournement disponible" : "Workaround available") + about + colon + c.text
        case .answerUpdated: return (fr ? "Réponse mise à jour" : "Updated answer") + about + colon + c.text
        case .issueReopened: return (fr ? "Problème de nouveau ouvert" : "Issue reopened") + about + colon + c.text
        case .feedbackRemoved: return fr ? "Retour retiré : \(c.text)" : "Feedback withdrawn: \(c.text)"
        }
    }
}
