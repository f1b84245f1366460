/// The key under the picture: one entry per kind actually drawn (and per shaded
/// period name), each with the same pattern or shape as in the picture.
enum SVGTimelineLegend {
    static func svg(_ t: Timeline, top: Double, prefix p: String) -> (svg: [String], height: Double) {
        let lang = t.language
        let n = SVGMarkup.num
        var entries: [(swatch: (Double, Double) -> String, text: String)] = []

        var seenShade: Set<String> = []
        for sp in t.shaded where !sp.label.isEmpty && seenShade.insert(sp.label).inserted {
            entries.append(({ x, y in
                ##"<rect x="\##(n(x))" y="\##(n(y - 6))" width="24.0" height="12.0" fill="\##(SVGTimelineStyle.shadeFill)" stroke="#999999" stroke-width="0.5"/>"##
            }, sp.label))
        }
        let barKinds = Set(t.lanes.flatMap { $0.bars.map(\.kind) })
        for kind in TimelineBar.Kind.allCases where barKinds.contains(kind) {
            let attrs = SVGTimelineStyle.barAttributes(kind, prefix: p)
            entries.append(({ x, y in
                ##"<rect x="\##(n(x))" y="\##(n(y - 6))" width="24.0" height="12.0" \##(attrs)/>"##
            }, legendName(kind, t)))
        }
        let lineKinds = Set(t.markers.map(\.kind))
        let markKinds = lineKinds.union(t.lanes.flatMap { $0.points.map(\.kind) })
        for kind in TimelineMarker.Kind.allCases where markKinds.contains(kind) {
            let withLine = lineKinds.contains(kind)
            entries.append(({ x, y in
                let line = withLine
                    ? ##"<line x1="\##(n(x + 12))" y1="\##(n(y - 9))" x2="\##(n(x + 12))" y2="\##(n(y + 9))" \##(SVGTimelineStyle.lineAttributes(kind))/>"##
                    : ""
                return line + SVGTimelineStyle.shape(kind, x: x + 12, y: y)
            }, SVGTimelineStyle.name(kind, lang)))
        }
        guard !entries.isEmpty else { return ([], 0) }

        let heading = lang == .fr ? "Légende :" : "Key:"
        let rowH = 22.0
        var out = [##"<text x="\##(n(SVGTimelineFrame.left))" y="\##(n(top + 11 + 4))" font-size="11" font-weight="bold">\##(heading)</text>"##]
        let startX = 80.0
        var x = startX, row = 0
        for entry in entries {
            let shown = SVGMarkup.fit(entry.text, maxWidth: 260, fontSize: 11)
            let w = 30 + SVGMarkup.width(shown, fontSize: 11) + 12
            if x + w > SVGTimelineFrame.width - 4 && x > startX { row += 1; x = startX }
            let y = top + 11 + Double(row) * rowH
            out.append("<g><title>\(SVGMarkup.escape(entry.text))</title>" + entry.swatch(x, y)
                + ##"<text x="\##(n(x + 30))" y="\##(n(y + 4))" font-size="11">\##(SVGMarkup.escape(shown))</text></g>"##)
            x += w
        }
        return (out, Double(row + 1) * rowH + 4)
    }

    /// The catch-all kind is named by its label when every bar of that kind has the same one
    /// ("Communication" rather than "Autre période"); other kinds by their own name.
    static func legendName(_ kind: TimelineBar.Kind, _ t: Timeline) -> String {
        guard kind == .other else { return SVGTimelineStyle.name(kind, t.language) }
        let labels = Set(t.lanes.flatMap { $0.bars.filter { $0.kind == .other }.map(\.label) })
        if labels.count == 1, let only = labels.first, !only.isEmpty { return only }
        return SVGTimelineStyle.name(kind, t.language)
    }
}
