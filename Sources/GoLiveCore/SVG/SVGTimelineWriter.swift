/// Writes a `Timeline` as a self-contained SVG picture: inline-embeddable in HTML5,
/// responsive (`viewBox`, `width="100%"`), accessible (`role="img"`, `<title>`,
/// `<desc>`), readable in black and white (every item labelled, kinds told apart by
/// pattern and shape, with a legend), no script, no external resource, and the same
/// bytes for the same timeline.
///
/// The horizontal position is wall-clock time (`LocalMoment.wallMinutes`): a
/// daylight-saving night is drawn as the clock reads it, not in elapsed time.
public enum SVGTimelineWriter {
    public static func render(_ t: Timeline) -> String {
        let frame = SVGTimelineFrame(t)
        let lang = t.language
        let esc = SVGMarkup.escape, n = SVGMarkup.num
        let p = "glt" + SVGMarkup.fingerprint(canonical(t))

        // Top: title, then the axis labels.
        let title = t.title.isEmpty ? (lang == .fr ? "Chronologie" : "Timeline") : t.title
        var back: [String] = []    // drawn behind the lanes
        var front: [String] = []   // lanes, labels, legend
        front.append(##"<text x="\##(n(SVGTimelineFrame.left))" y="24.0" font-size="16" font-weight="bold">\##(esc(SVGMarkup.fit(title, maxWidth: SVGTimelineFrame.width - 20, fontSize: 16)))</text>"##)
        let ticks = SVGTimelineAxis.ticks(scale: t.scale, start: frame.s, end: frame.e,
                                          maxTicks: Int(SVGTimelineFrame.plotWidth / (t.scale == .hours ? 46 : 48)), lang)
        front += axisLabels(ticks, frame)
        var y = SVGTimelineFrame.axisY

        // Shaded period labels, then marker labels, each in as many rows as needed.
        let shadedBand = band(shadedItems(t.shaded, frame), top: y)
        y += shadedBand.height
        let markerItems = t.markers.compactMap { frame.point($0) }
        let markerBand = band(markerItems, top: y)
        y += markerBand.height
        front += shadedBand.svg + markerBand.svg

        // Lanes.
        if t.lanes.isEmpty {
            let note = lang == .fr ? "Aucun élément à afficher" : "Nothing to show"
            front.append(##"<text x="\##(n(SVGTimelineFrame.plotX0 + 8))" y="\##(n(y + 18))" font-size="11" font-style="italic">\##(note)</text>"##)
            y += SVGTimelineFrame.rowHeight + 8
        }
        for lane in t.lanes {
            let drawn = laneSVG(lane, top: y, frame: frame, prefix: p)
            front += drawn.svg
            y += drawn.height
            front.append(##"<line x1="\##(n(SVGTimelineFrame.left))" y1="\##(n(y))" x2="\##(n(SVGTimelineFrame.plotX1))" y2="\##(n(y))" stroke="#999999" stroke-width="0.5"/>"##)
        }
        let bottom = y

        // Behind everything: shading, gridlines, marker lines, the plot frame.
        for sp in t.shaded {
            guard let (x1, x2) = frame.clip(sp.start.wallMinutes, sp.end.wallMinutes) else { continue }
            back.append(##"<rect x="\##(n(x1))" y="\##(n(SVGTimelineFrame.axisY))" width="\##(n(max(x2 - x1, 1)))" height="\##(n(bottom - SVGTimelineFrame.axisY))" fill="\##(SVGTimelineStyle.shadeFill)"/>"##)
        }
        for tick in ticks.minorDays where frame.contains(tick) {
            back.append(##"<line x1="\##(n(frame.x(tick)))" y1="\##(n(SVGTimelineFrame.axisY))" x2="\##(n(frame.x(tick)))" y2="\##(n(SVGTimelineFrame.axisY + 4))" stroke="#000000" stroke-width="0.5"/>"##)
        }
        for tick in ticks.major {
            let strong = t.scale == .hours && tick.at % 1440 == 0
            back.append(##"<line x1="\##(n(frame.x(tick.at)))" y1="\##(n(SVGTimelineFrame.axisY))" x2="\##(n(frame.x(tick.at)))" y2="\##(n(bottom))" stroke="\##(strong ? "#666666" : "#bbbbbb")" stroke-width="\##(strong ? "1" : "0.5")"/>"##)
        }
        for m in t.markers where frame.contains(m.at.wallMinutes) {
            let x = frame.x(m.at.wallMinutes)
            back.append(##"<line x1="\##(n(x))" y1="\##(n(SVGTimelineFrame.axisY))" x2="\##(n(x))" y2="\##(n(bottom))" \##(SVGTimelineStyle.lineAttributes(m.kind))/>"##)
        }
        back.append(##"<rect x="\##(n(SVGTimelineFrame.plotX0))" y="\##(n(SVGTimelineFrame.axisY))" width="\##(n(SVGTimelineFrame.plotWidth))" height="\##(n(bottom - SVGTimelineFrame.axisY))" fill="none" stroke="#000000" stroke-width="0.75"/>"##)

        let legend = SVGTimelineLegend.svg(t, top: bottom + 14, prefix: p)
        let height = bottom + 14 + legend.height + 8

        let desc = SVGTimelineDescription.text(t, start: frame.s, end: frame.e)
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(n(SVGTimelineFrame.width)) \##(n(height))" width="100%" preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="\##(p)-title \##(p)-desc" xml:lang="\##(lang.rawValue)" font-family="Arial, Helvetica, sans-serif" fill="#000000">"##
        out += "\n<title id=\"\(p)-title\">\(esc(title))</title>\n<desc id=\"\(p)-desc\">\(esc(desc))</desc>\n"
        out += SVGTimelineStyle.patternDefs(prefix: p) + "\n"
        out += ##"<rect x="0.0" y="0.0" width="\##(n(SVGTimelineFrame.width))" height="\##(n(height))" fill="#ffffff"/>"## + "\n"
        out += (back + front + legend.svg).joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    // MARK: - Sections

    private static func axisLabels(_ ticks: SVGTimelineAxis.Ticks, _ frame: SVGTimelineFrame) -> [String] {
        var out: [String] = []
        // Upper row: keep a label only if it does not run into the previous one.
        var lastEnd = -Double.infinity
        for label in ticks.upper where frame.contains(label.at) || label.at < frame.s {
            let x = max(frame.x(label.at), SVGTimelineFrame.plotX0) + 2
            let w = SVGMarkup.width(label.text, fontSize: 11)
            guard x >= lastEnd + 6, x + w <= SVGTimelineFrame.width - 4 else { continue }
            out.append(##"<text x="\##(SVGMarkup.num(x))" y="\##(SVGMarkup.num(SVGTimelineFrame.axisY - 22))" font-size="11" font-weight="bold">\##(SVGMarkup.escape(label.text))</text>"##)
            lastEnd = x + w
        }
        lastEnd = -Double.infinity
        for label in ticks.major where frame.contains(label.at) {
            let x = frame.x(label.at)
            let w = SVGMarkup.width(label.text, fontSize: 10)
            var anchor = label.centred ? "middle" : "start"
            var textX = label.centred ? x : x + 2
            if label.centred && x - w / 2 < SVGTimelineFrame.plotX0 { anchor = "start"; textX = x }
            if label.centred && x + w / 2 > SVGTimelineFrame.width - 4 { anchor = "end"; textX = x }
            let from = anchor == "middle" ? textX - w / 2 : (anchor == "end" ? textX - w : textX)
            guard from >= lastEnd + 4 else { continue }
            out.append(##"<text x="\##(SVGMarkup.num(textX))" y="\##(SVGMarkup.num(SVGTimelineFrame.axisY - 6))" font-size="10" text-anchor="\##(anchor)">\##(SVGMarkup.escape(label.text))</text>"##)
            lastEnd = from + w
        }
        return out
    }

    private static func shadedItems(_ spans: [TimelineSpan], _ frame: SVGTimelineFrame) -> [SVGPlacedItem] {
        spans.compactMap { sp in
            guard !sp.label.isEmpty, let (x1, _) = frame.clip(sp.start.wallMinutes, sp.end.wallMinutes) else { return nil }
            let x = x1 + 3
            let shown = SVGMarkup.fit(sp.label, maxWidth: min(320, SVGTimelineFrame.width - 4 - x), fontSize: 10)
            let w = SVGMarkup.width(shown, fontSize: 10)
            return SVGPlacedItem(from: x1, to: x + w, title: sp.label) { centre in
                ##"<text x="\##(SVGMarkup.num(x))" y="\##(SVGMarkup.num(centre + 4))" font-size="10" font-style="italic">\##(SVGMarkup.escape(shown))</text>"##
            }
        }
    }

    /// Places items in packed rows starting at `top`.
    private static func band(_ items: [SVGPlacedItem], top: Double) -> (svg: [String], height: Double) {
        guard !items.isEmpty else { return ([], 0) }
        let order = items.indices.sorted { (items[$0].from, $0) < (items[$1].from, $1) }
        let rows = SVGRowPacker.rows(for: order.map { (items[$0].from, items[$0].to) })
        var svg: [String] = []
        for (k, i) in order.enumerated() {
            let centre = top + 4 + Double(rows[k]) * SVGTimelineFrame.bandRow + SVGTimelineFrame.bandRow / 2
            svg.append(items[i].rendered(centre: centre))
        }
        return (svg, Double((rows.max() ?? 0) + 1) * SVGTimelineFrame.bandRow + 8)
    }

    private static func laneSVG(_ lane: TimelineLane, top: Double, frame: SVGTimelineFrame, prefix p: String) -> (svg: [String], height: Double) {
        var items: [SVGPlacedItem] = lane.bars.compactMap { frame.bar($0, prefix: p) }
        items += lane.points.compactMap { frame.point($0) }
        let order = items.indices.sorted { (items[$0].from, $0) < (items[$1].from, $1) }
        let rows = SVGRowPacker.rows(for: order.map { (items[$0].from, items[$0].to) })
        let rowCount = max(1, (rows.max() ?? 0) + 1)
        var svg: [String] = []
        let labelY = top + 4 + SVGTimelineFrame.rowHeight / 2 + 4
        let shown = SVGMarkup.fit(lane.label, maxWidth: SVGTimelineFrame.plotX0 - SVGTimelineFrame.left - 8, fontSize: 12)
        svg.append(##"<g><title>\##(SVGMarkup.escape(lane.label))</title><text x="\##(SVGMarkup.num(SVGTimelineFrame.left))" y="\##(SVGMarkup.num(labelY))" font-size="12" font-weight="bold">\##(SVGMarkup.escape(shown))</text></g>"##)
        for (k, i) in order.enumerated() {
            let centre = top + 4 + Double(rows[k]) * SVGTimelineFrame.rowHeight + SVGTimelineFrame.rowHeight / 2
            svg.append(items[i].rendered(centre: centre))
        }
        return (svg, Double(rowCount) * SVGTimelineFrame.rowHeight + 8)
    }

    /// Everything that shapes the picture, as text: the fingerprint of the id prefix.
    private static func canonical(_ t: Timeline) -> String {
        var s = "\(t.title)|\(t.language.rawValue)|\(t.scale)|\(t.start)|\(t.end)"
        for lane in t.lanes {
            s += "|L:\(lane.label)"
            for b in lane.bars { s += "|B:\(b.label),\(b.start),\(b.end),\(b.kind)" }
            for m in lane.points { s += "|P:\(m.label),\(m.at),\(m.kind)" }
        }
        for sp in t.shaded { s += "|S:\(sp.label),\(sp.start),\(sp.end)" }
        for m in t.markers { s += "|M:\(m.label),\(m.at),\(m.kind)" }
        return s
    }
}
