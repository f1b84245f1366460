import Foundation

/// Splits a guide into sections with libcmark's own tree, and reads the targeting comments
/// (`<!-- golive: audiences=a,b modules=x -->` on the line just before a heading).
enum GuideReader {
    static func read(_ text: String, file: String, audienceIDs: Set<String>, moduleIDs: Set<String>,
                     _ d: inout Diagnostics) -> GuideDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        let blocks = Cmark.blocks(text)
        var title: String?
        var sections: [GuideSection] = []
        var slugs: [String: Int] = [:]
        var stack: [(level: Int, index: Int)] = []
        var firstSectionLine = lines.count + 1
        var titleLine: Int?

        for (i, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else { continue }
            if title == nil, sections.isEmpty, level == 1, titleLine == nil {
                title = block.text
                titleLine = block.startLine
                continue
            }
            firstSectionLine = min(firstSectionLine, block.startLine)
            var audiences: [String] = []
            var modules: [String] = []
            // libcmark reports end line 0 for an HTML block closed by a heading, so count the literal's lines.
            if i > 0, case .htmlBlock = blocks[i - 1].kind,
               blocks[i - 1].startLine + blocks[i - 1].text.trimmingNewlines.split(separator: "\n", omittingEmptySubsequences: false).count == block.startLine,
               let directive = Directive.parse(blocks[i - 1].text) {
                let line = blocks[i - 1].startLine
                let lineText = line - 1 < lines.count ? lines[line - 1] : ""
                (audiences, modules) = directive.check(line: line, lineText: lineText, file: file,
                                                       audienceIDs: audienceIDs, moduleIDs: moduleIDs, &d)
                firstSectionLine = min(firstSectionLine, line)
            }
            while let top = stack.last, top.level >= level { stack.removeLast() }
            var slug = Slug.make(block.text)
            if let count = slugs[slug] { slugs[slug] = count + 1; slug += "-\(count + 1)" } else { slugs[slug] = 1 }
            sections.append(GuideSection(heading: block.text, level: level, slug: slug, parent: stack.last?.index,
                                         audiences: audiences, modules: modules, body: "", line: block.startLine))
            stack.append((level, sections.count - 1))
        }
        // Bodies run from after the heading to just before the next heading (or its targeting comment).
        let starts = sections.map(\.line)
        for index in sections.indices {
            let from = starts[index] + 1
            var to = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
            if index + 1 < sections.count, sections[index + 1].isTargeted { to -= 1 }
            sections[index].body = slice(lines, from: from, to: to)
        }
        let preambleFrom = (titleLine ?? 0) + 1
        let preamble = slice(lines, from: preambleFrom, to: firstSectionLine - 1)
        return GuideDocument(title: title, preamble: preamble, sections: sections, file: file)
    }

    private static func slice(_ lines: [String], from: Int, to: Int) -> String {
        guard from <= to, from >= 1 else { return "" }
        let upper = min(to, lines.count)
        guard from <= upper else { return "" }
        return lines[(from - 1)..<upper].joined(separator: "\n").trimmingNewlines
    }

    struct Directive {
        var pairs: [(key: String, value: String)]

        /// nil when the comment is not a golive directive (an ordinary comment stays an ordinary comment).
        static func parse(_ html: String) -> Directive? {
            let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
            let inner = trimmed.dropFirst(4).dropLast(3)
            let body = inner.trimmingSpaces
            guard body.hasPrefix("golive:") else { return nil }
            var pairs: [(String, String)] = []
            let afterPrefix = body.dropFirst("golive:".count)
            for word in afterPrefix.split(separator: " ") where !word.isEmpty {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                pairs.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
            }
            return Directive(pairs: pairs)
        }

        func check(line: Int, lineText: String, file: String, audienceIDs: Set<String>, moduleIDs: Set<String>,
                   _ d: inout Diagnostics) -> ([String], [String]) {
            var audiences: [String] = []
            var modules: [String] = []
            for pair in pairs {
                let column = columnOf(pair.key + "=", in: lineText) ?? 1
                let location = SourceLocation(file: file, line: line, column: column)
                let ids = pair.value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                switch pair.key {
                case "audiences":
                    for id in ids where !audienceIDs.contains(id) {
                        var message = "golive comment refers to unknown audience '\(id)'"
                        if let guess = Suggest.closest(to: id, in: audienceIDs.sorted()) { message += "; did you mean '\(guess)'?" }
                        d.error(location, message)
                    }
                    audiences += ids
                case "modules":
                    for id in ids where !moduleIDs.contains(id) {
                        var message = "golive comment refers to unknown training module '\(id)'"
                        if let guess = Suggest.closest(to: id, in: moduleIDs.sorted()) { message += "; did you mean '\(guess)'?" }
                        d.error(location, message)
                    }
                    modules += ids
                default:
                    var message = "golive comment: unknown setting '\(pair.key)'"
                    if let guess = Suggest.closest(to: pair.key, in: ["audiences", "modules"]) { message += "; did you mean '\(guess)'?" }
                    else { message += "; use audiences=… or modules=…" }
                    d.error(location, message)
                }
                if ids.isEmpty, ["audiences", "modules"].contains(pair.key) {
                    d.error(location, "golive comment: '\(pair.key)=' lists no ids")
                }
            }
            return (audiences, modules)
        }

        private func columnOf(_ needle: String, in text: String) -> Int? {
            guard let range = text.range(of: needle) else { return nil }
            return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.startIndex) + 1
        }
    }
}
