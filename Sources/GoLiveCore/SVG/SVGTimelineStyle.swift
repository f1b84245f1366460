/// How each kind of bar and marker looks, and what the legend calls it.
/// Kinds differ by pattern, outline and shape first, colour second, so a black and
/// white print keeps them apart.
enum SVGTimelineStyle {
    static let shadeFill = "#e4e4e4"

    /// Fill patterns, ids prefixed so several pictures can share one HTML page.
    static func patternDefs(prefix p: String) -> String {
        """
        <defs>\
        <pattern id="\(p)-training" width="6.0" height="6.0" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6.0" height="6.0" fill="#ffffff"/><line x1="0.0" y1="0.0" x2="0.0" y2="6.0" stroke="#2e7d32" stroke-width="2.4"/></pattern>\
        <pattern id="\(p)-hypercare" width="6.0" height="6.0" patternUnits="userSpaceOnUse">\
        <rect width="6.0" height="6.0" fill="#ffffff"/><path d="M0 0L6 6M6 0L0 6" stroke="#b45f06" stroke-width="1.2"/></pattern>\
        <pattern id="\(p)-meeting" width="5.0" height="5.0" patternUnits="userSpaceOnUse">\
        <rect width="5.0" height="5.0" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#6a1b9a"/></pattern>\
        </defs>
        """
    }

    /// Attributes for a bar's rectangle.
    static func barAttributes(_ kind: TimelineBar.Kind, prefix p: String) -> String {
        switch kind {
        case .step: return ##"fill="#1f4e79" stroke="#000000" stroke-width="1""##
        case .training: return ##"fill="url(#\##(p)-training)" stroke="#000000" stroke-width="1""##
        case .hypercare: return ##"fill="url(#\##(p)-hypercare)" stroke="#000000" stroke-width="1""##
        case .meeting: return ##"fill="url(#\##(p)-meeting)" stroke="#000000" stroke-width="1""##
        case .other: return ##"fill="#ffffff" stroke="#000000" stroke-width="1" stroke-dasharray="3 2""##
        }
    }

    /// Attributes for a marker's vertical line across the lanes.
    static func lineAttributes(_ kind: TimelineMarker.Kind) -> String {
        switch kind {
        case .goLive: return ##"stroke="#c62828" stroke-width="2.5""##
        case .pointOfNoReturn: return ##"stroke="#000000" stroke-width="2.5" stroke-dasharray="8 4""##
        case .checkpoint: return ##"stroke="#000000" stroke-width="1.5" stroke-dasharray="2 3""##
        case .send: return ##"stroke="#555555" stroke-width="1" stroke-dasharray="1 3""##
        case .handover: return ##"stroke="#000000" stroke-width="2" stroke-dasharray="8 3 2 3""##
        case .other: return ##"stroke="#555555" stroke-width="1" stroke-dasharray="4 4""##
        }
    }

    /// The marker's symbol centred on (x, y): star, square, diamond, circle, triangle, ring.
    static func shape(_ kind: TimelineMarker.Kind, x: Double, y: Double) -> String {
        let n = SVGMarkup.num
        func poly(_ pts: [(Double, Double)], fill: String) -> String {
            let list = pts.map { "\(n(x + $0.0)),\(n(y + $0.1))" }.joined(separator: " ")
            return ##"<polygon points="\##(list)" fill="\##(fill)" stroke="#000000" stroke-width="1"/>"##
        }
        switch kind {
        case .goLive:
            // A five-pointed star, radii 7 and 3; constants rather than sin/cos so no
            // maths library can change the output.
            return poly([(0, -7), (1.76, -2.43), (6.66, -2.16), (2.85, 0.93), (4.11, 5.66),
                         (0, 3), (-4.11, 5.66), (-2.85, 0.93), (-6.66, -2.16), (-1.76, -2.43)], fill: "#c62828")
        case .pointOfNoReturn:
            return poly([(-5, -5), (5, -5), (5, 5), (-5, 5)], fill: "#000000")
        case .checkpoint:
            return poly([(0, -6), (6, 0), (0, 6), (-6, 0)], fill: "#ffffff")
        case .send:
            return ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="4.5" fill="#555555" stroke="#000000" stroke-width="1"/>"##
        case .handover:
            return poly([(0, -6), (6, 5), (-6, 5)], fill: "#ffffff")
        case .other:
            return ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="4.5" fill="#ffffff" stroke="#000000" stroke-width="1.5"/>"##
        }
    }

    static func name(_ kind: TimelineBar.Kind, _ lang: Language) -> String {
        switch (kind, lang) {
        case (.step, .fr): return "Étape"
        case (.step, .en): return "Step"
        case (.training, .fr): return "Formation"
        case (.training, .en): return "Training"
        case (.hypercare, .fr): return "Hypercare (support renforcé)"
        case (.hypercare, .en): return "Hypercare"
        case (.meeting, .fr): return "Réunion"
        case (.meeting, .en): return "Meeting"
        case (.other, .fr): return "Autre période"
        case (.other, .en): return "Other period"
        }
    }

    static func name(_ kind: TimelineMarker.Kind, _ lang: Language) -> String {
        switch (kind, lang) {
        case (.checkpoint, .fr): return "Point de contrôle (go/no-go)"
        case (.checkpoint, .en): return "Checkpoint (go/no-go)"
        case (.pointOfNoReturn, .fr): return "Point de non-retour"
        case (.pointOfNoReturn, .en): return "Point of no return"
        case (.goLive, .fr): return "Mise en production"
        case (.goLive, .en): return "Go-live"
        case (.send, .fr): return "Envoi de communication"
        case (.send, .en): return "Communication sent"
        case (.handover, .fr): return "Passation au support"
        case (.handover, .en): return "Handover to run"
        case (.other, .fr): return "Autre jalon"
        case (.other, .en): return "Other milestone"
        }
    }
}
