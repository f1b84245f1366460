import Foundation

/// The text alternative of a timeline (`<desc>`): every lane, bar, point, marker and
/// shaded period with its real dates, in the timeline's language. A screen reader, a
/// search or a reader whose print lost a label still gets the whole plan.
enum SVGTimelineDescription {
    static func text(_ t: Timeline, start s: Int, end e: Int) -> String {
        let lang = t.language
        var parts: [String] = []
        let range = spanText(s, e, lang)
        parts.append(lang == .fr ? "Période affichée : \(range)." : "Period shown: \(range).")
        let outside = lang == .fr ? " (hors de la période affichée)" : " (outside the period shown)"
        func barText(_ b: TimelineBar) -> String {
            let a = min(b.start.wallMinutes, b.end.wallMinutes), z = max(b.start.wallMinutes, b.end.wallMinutes)
            let out = z < s || a > e ? outside : ""
            return "\(SVGTimelineStyle.name(b.kind, lang)) « \(b.label) », \(spanText(a, z, lang))\(out)"
                .replacingGuillemets(lang)
        }
        func markerText(_ m: TimelineMarker) -> String {
            let w = m.at.wallMinutes
            let out = w < s || w > e ? outside : ""
            let when = DateWords.moment(m.at.date, m.at.time, lang)
            return "\(SVGTimelineStyle.name(m.kind, lang)) « \(m.label) », \(when)\(out)".replacingGuillemets(lang)
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
                return "« \(sp.label) », \(spanText(a, z, lang))".replacingGuillemets(lang)
            }.joined(separator: lang == .fr ? " ; " : "; ")
            parts.append(lang == .fr ? "Périodes grisées : \(list)." : "Shaded periods: \(list).")
        }
        return parts.joined(separator: " ")
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
