import Foundation

/// The text alternative of a timeline (`<desc>`): every lane, bar, point, marker and
/// shaded period with its real dates, in the timeline's language. A screen reader, a
/// search or a reader whose print lost a label still gets the whole plan.
enum SVGTimelineDescription {
    static func text(_ t: Timeline, start s: Int, end e: Int) -> String {
        let lang = t.language
        var parts: [String] = []
        let range = periodText(s, e, t.scale, lang)
        parts.append(lang == .fr ? "Période affichée : \(range)." : "Period shown: \(range).")
        let outside = lang == .fr ? " (hors de la période affichée)" : " (outside the period shown)"
        func barText(_ b: TimelineBar) -> String {
            let a = min(b.start.wallMinutes, b.end.wallMinutes), z = max(b.start.wallMinutes, b.end.wallMinutes)
            let out = z < s || a > e ? outside : ""
            return "\(named(SVGTimelineStyle.name(b.kind, lang), b.label, generic: b.kind == .other)), \(periodText(a, z, t.scale, lang))\(out)"
                .replacingGuillemets(lang)
        }
        func markerText(_ m: TimelineMarker) -> String {
            let w = m.at.wallMinutes
            let out = w < s || w > e ? outside : ""
            let when = momentText(m.at, t.scale, lang)
            return "\(named(SVGTimelineStyle.name(m.kind, lang), m.label, generic: m.kind == .other)), \(when)\(out)".replacingGuillemets(lang)
        }
        for lane in t.lanes {
            let items = lane.bars.map(barText) + lane.points.map(markerText)
            let list = items.isEmpty ? (lang == .fr ? "aucun élément" : "nothing scheduled") : items.joined(separator: " ; ")
            parts.append(lang == .fr ? "\(lane.label) : \(list)." : "\(lane.label): \(list.replacingOccurrences(of: " ; ", with: "; ")).")
        }
        if !t.markers.isEmpty {
            let list = t.markers.map(markerText).joined(separator: lang == .fr ? " ; " : "; ")
            parts.append(lang == .fr ? "Repères sur toutes les lignes : \(list)." : "Markers across all lanes: \(list).")
        }
        if !t.shaded.isEmpty {
            let list = t.shaded.map { sp -> String in
                let a = min(sp.start.wallMinutes, sp.end.wallMinutes), z = max(sp.start.wallMinutes, sp.end.wallMinutes)
                return "« \(sp.label) », \(periodText(a, z, t.scale, lang))".replacingGuillemets(lang)
            }.joined(separator: lang == .fr ? " ; " : "; ")
            parts.append(lang == .fr ? "Périodes grisées : \(list)." : "Shaded periods: \(list).")
        }
        return parts.joined(separator: " ")
    }

    /// "Étape « Gel des saisies »", but "« Formation »" for a training bar labelled "Formation" and
    /// "« Mise en production — Lot 1 »" for a go-live marker: the kind is named only when the label
    /// does not already say it, and never when it is the catch-all kind ("Autre période").
    static func named(_ kind: String, _ label: String, generic: Bool) -> String {
        if label.isEmpty { return kind }
        return generic || !adds(kind, to: label) ? "« \(label) »" : "\(kind) « \(label) »"
    }

    /// Whether the kind's name tells more than the label: not when one contains the other's
    /// head ("Hypercare (support renforcé)" and "Hypercare") or the label its qualifier
    /// ("Point de contrôle (go/no-go)" and "Go/no-go : go-final"), case and accents aside.
    static func adds(_ kind: String, to label: String) -> Bool {
        func fold(_ s: String) -> String { s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let k = fold(kind), l = fold(label)
        let head = k.components(separatedBy: " (").first ?? k
        if l.contains(head) || head.contains(l) { return false }
        if let open = k.range(of: " ("), let close = k.range(of: ")", range: open.upperBound..<k.endIndex) {
            let qualifier = String(k[open.upperBound..<close.lowerBound])
            if !qualifier.isEmpty, l.contains(qualifier) { return false }
        }
        return true
    }

    /// A period in words. On a day-scale picture, a period from one midnight to another is a
    /// run of whole days and reads by its first and last day ("du vendredi 19 mars au samedi
    /// 3 avril"), not "au dimanche 4 avril, 0 h"; anything else reads with its hours.
    static func periodText(_ a: Int, _ z: Int, _ scale: Timeline.Scale, _ lang: Language) -> String {
        guard scale == .days, a % 1440 == 0, z % 1440 == 0, z > a else { return spanText(a, z, lang) }
        let first = LocalMoment(wallMinutes: a).date, last = LocalMoment(wallMinutes: z).date.adding(days: -1)
        return dayRange(first, last, lang)
    }

    /// A moment in words; on a day-scale picture, midnight is the day itself ("jeudi 8 avril 2027").
    static func momentText(_ m: LocalMoment, _ scale: Timeline.Scale, _ lang: Language) -> String {
        scale == .days && m.time.minutes == 0 ? DateWords.longDate(m.date, lang) : DateWords.moment(m.date, m.time, lang)
    }

    /// "le jeudi 8 avril" / "du vendredi 19 mars au samedi 3 avril"; "on Thursday 8 April" /
    /// "from Friday 19 March to Saturday 3 April". Years only when the two days differ in year.
    static func dayRange(_ first: CivilDate, _ last: CivilDate, _ lang: Language) -> String {
        let withYear = first.year != last.year
        func day(_ d: CivilDate) -> String { withYear ? DateWords.longDate(d, lang) : DateWords.dayAndMonth(d, lang) }
        switch (first == last, lang) {
        case (true, .fr): return "le \(day(first))"
        case (true, .en): return "on \(day(first))"
        case (false, .fr): return "du \(day(first)) au \(day(last))"
        case (false, .en): return "from \(day(first)) to \(day(last))"
        }
    }

    static func spanText(_ a: Int, _ z: Int, _ lang: Language) -> String {
        let from = LocalMoment(wallMinutes: a), to = LocalMoment(wallMinutes: z)
        return DateWords.span(from: (from.date, from.time), to: (to.date, to.time), lang)
    }
}

private extension String {
    /// French quotes labels « like this » (with no-break spaces); English “like this”.
    func replacingGuillemets(_ lang: Language) -> String {
        switch lang {
        case .fr: return replacingOccurrences(of: "« ", with: "«\u{00A0}").replacingOccurrences(of: " »", with: "\u{00A0}»")
        case .en: return replacingOccurrences(of: "« ", with: "“").replacingOccurrences(of: " »", with: "”")
        }
    }
}
