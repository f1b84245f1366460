/// The geometry of one picture: fixed user-unit layout constants, the axis range in
/// wall-clock minutes, and where bars and points land on it.
struct SVGTimelineFrame {
    static let width = 1000.0
    static let left = 10.0
    static let plotX0 = 200.0
    static let plotX1 = 980.0
    static let plotWidth = plotX1 - plotX0
    static let axisY = 72.0
    static let rowHeight = 22.0
    static let bandRow = 18.0
    static let barHeight = 14.0
    static let labelFont = 11.0
    static let maxLabelWidth = 320.0

    /// Axis range in wall-clock minutes; never empty.
    let s: Int
    let e: Int
    let lang: Language
    let scale: Timeline.Scale

    init(_ t: Timeline) {
        let a = t.start.wallMinutes, b = t.end.wallMinutes
        s = a
        e = b > a ? b : a + (t.scale == .hours ? 60 : 1440)
        lang = t.language
        scale = t.scale
    }

    func contains(_ m: Int) -> Bool { m >= s && m <= e }

    /// x of a wall-clock minute, clamped to the plot.
    func x(_ m: Int) -> Double {
        let c = min(max(m, s), e)
        return SVGTimelineFrame.plotX0 + Double(c - s) / Double(e - s) * SVGTimelineFrame.plotWidth
    }

    /// The visible part of a period, or nil when it lies wholly outside the axis.
    func clip(_ a: Int, _ b: Int) -> (Double, Double)? {
        let lo = min(a, b), hi = max(a, b)
        guard hi >= s, lo <= e else { return nil }
        return (x(lo), x(hi))
    }

    func bar(_ b: TimelineBar, prefix p: String) -> SVGPlacedItem? {
        guard let (x1, rawX2) = clip(b.start.wallMinutes, b.end.wallMinutes) else { return nil }
        let x2 = max(rawX2, x1 + 2)   // a zero-length bar still shows
        let lo = min(b.start.wallMinutes, b.end.wallMinutes), hi = max(b.start.wallMinutes, b.end.wallMinutes)
        let label = placeLabel(b.label, x1: x1, x2: x2)
        let when = SVGTimelineDescription.periodText(lo, hi, scale, lang)
        let attrs = SVGTimelineStyle.barAttributes(b.kind, prefix: p)
        let n = SVGMarkup.num
        return SVGPlacedItem(from: min(x1, label.from), to: max(x2, label.to), title: "\(b.label) — \(when)") { c in
            ##"<rect x="\##(n(x1))" y="\##(n(c - SVGTimelineFrame.barHeight / 2))" width="\##(n(x2 - x1))" height="\##(n(SVGTimelineFrame.barHeight))" \##(attrs)/>"##
                + label.svg(c + 4)
        }
    }

    func point(_ m: TimelineMarker) -> SVGPlacedItem? {
        let at = m.at.wallMinutes
        guard contains(at) else { return nil }
        let x = self.x(at)
        let label = placeLabel(m.label, x1: x - 7, x2: x + 7)
        let when = SVGTimelineDescription.momentText(m.at, scale, lang)
        return SVGPlacedItem(from: min(x - 7, label.from), to: max(x + 7, label.to), title: "\(m.label) — \(when)") { c in
            SVGTimelineStyle.shape(m.kind, x: x, y: c) + label.svg(c + 4)
        }
    }

    struct Label {
        var from: Double
        var to: Double
        var svg: (_ baseline: Double) -> String
    }

    /// Puts a label right of the item, or left of it when the right side is too
    /// short, shortening it with "…" only when neither side has room.
    func placeLabel(_ text: String, x1: Double, x2: Double) -> Label {
        let font = SVGTimelineFrame.labelFont
        let right = min(SVGTimelineFrame.maxLabelWidth, SVGTimelineFrame.width - 4 - (x2 + 4))
        let left = min(SVGTimelineFrame.maxLabelWidth, (x1 - 4) - SVGTimelineFrame.plotX0)
        let full = SVGMarkup.width(text, fontSize: font)
        let onRight = full <= right || right >= left
        let room = max(onRight ? right : left, 30)
        let shown = SVGMarkup.fit(text, maxWidth: room, fontSize: font)
        let w = SVGMarkup.width(shown, fontSize: font)
        let x = onRight ? x2 + 4 : x1 - 4
        let escaped = SVGMarkup.escape(shown)
        let anchor = onRight ? "start" : "end"
        return Label(from: onRight ? x : x - w, to: onRight ? x + w : x) { y in
            ##"<text x="\##(SVGMarkup.num(x))" y="\##(SVGMarkup.num(y))" font-size="11" text-anchor="\##(anchor)">\##(escaped)</text>"##
        }
    }
}
