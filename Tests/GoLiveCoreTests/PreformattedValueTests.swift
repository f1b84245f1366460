import Foundation
import Mustache
import Testing
@testable import GoLiveCore

/// Values the render stage now builds by hand — preformatted template lines, zero-padded numbers,
/// one libcmark parse for two answers — must give exactly what the Mustache loops, `String(format:)`
/// and the separate parse they replace give.
@Suite struct PreformattedValueTests {
    /// Texts that exercise every rule of the Markdown escaping: entities, line breaks, `\r`, clusters.
    static let awkward = ["Guide", "R&D <b>", "deux\nlignes", "crlf\r\nend", "é\u{301}", "a > b & c", "", "[x](y)", "👩\u{200D}💻"]

    /// Renders `template` (a built-in-style Markdown template) the way documents are rendered.
    private func mustache(_ template: String, _ context: [String: Any]) throws -> String {
        let library = try TemplateLibrary(builtIn: ["probe.md": "top\n" + template])
        var d = Diagnostics()
        // A first line of its own, as in the real templates: the library puts its content-type
        // pragma before line 1, so a section tag there would not stand alone.
        let text = library.render("probe", language: .fr, context: context, &d)
        #expect(d.sorted.isEmpty)
        #expect(text.hasPrefix("top\n"))
        return String(text.dropFirst(4))
    }

    @Test func documentLinesAreWhatTheDocumentsLoopPrints() throws {
        let loop = "{{#documents}}- [{{label}}]({{href}}){{#hasOthers}} —{{#others}} [{{format}}]({{href}}){{/others}}{{/hasOthers}}\n{{/documents}}\n"
        var documents: [[String: Any]] = []
        var lines = ""
        for (i, label) in Self.awkward.enumerated() {
            let others = (0..<(i % 3)).map { (href: "\(label)/\($0).md", format: Self.awkward[($0 + i) % Self.awkward.count]) }
            DocumentIndex.appendLine(&lines, label: label, href: "x/\(label).html", others: others)
            documents.append(["label": label, "href": "x/\(label).html", "hasOthers": !others.isEmpty,
                              "others": others.map { ["href": $0.href, "format": $0.format] }])
        }
        #expect(lines == (try mustache(loop, ["documents": documents])))
    }

    @Test func tocLinesAreWhatTheTocLoopPrints() throws {
        let loop = "{{#toc}}\n{{indent}}- [{{heading}}](#{{slug}})\n{{/toc}}\n"
        let toc: [[String: Any]] = Self.awkward.enumerated().map { i, text in
            ["indent": String(repeating: "  ", count: i % 3), "heading": GuidePage.inline(text), "slug": "s-\(text)"]
        }
        #expect(GuidePage.tocLines(toc) == (try mustache(loop, ["toc": toc])))
        #expect(GuidePage.tocLines([]) == "")
    }

    @Test func kitTimelineLinesAreWhatTheTimelineLoopPrints() throws {
        let loop = "{{#timeline}}\n- **{{when}}** — {{#hasLink}}[{{what}}]({{link}}){{/hasLink}}{{^hasLink}}{{what}}{{/hasLink}}\n{{/timeline}}\n"
        let items: [(when: String, what: String, link: String?)] = Self.awkward.enumerated().map { i, text in
            (when: "J-\(i) \(text)", what: text, link: i % 2 == 0 ? "comms/\(text).html" : (i == 3 ? "" : nil))
        }
        let timeline: [[String: Any]] = items.map { ["when": $0.when, "what": $0.what, "link": $0.link ?? "", "hasLink": $0.link != nil] }
        #expect(KitPage.timelineLines(items) == (try mustache(loop, ["timeline": timeline])))
    }

    /// Optional texts as inputs give them: absent, empty, blank, and the awkward ones.
    static let optionals: [String?] = [nil, "", " \n"] + awkward.map { $0 }

    @Test func messageItemDetailsAreWhatTheirSectionsPrint() throws {
        let relay = "{{#relays}}{{name}}{{#role}}, {{.}}{{/role}}{{#email}} — {{.}}{{/email}}|{{name}}{{details}}\n{{/relays}}"
        let contact = "{{#contacts}}{{name}}{{#phone}}, {{.}}{{/phone}}|{{name}}{{details}}\n{{/contacts}}"
        let support = ["fr": "{{#teams}}{{name}}{{#scope}} ({{.}}){{/scope}}{{#contact}} : {{.}}{{/contact}}|{{name}}{{details}}\n{{/teams}}",
                       "en": "{{#teams}}{{name}}{{#scope}} ({{.}}){{/scope}}{{#contact}}: {{.}}{{/contact}}|{{name}}{{details}}\n{{/teams}}"]
        let module = ["fr": "{{#modules}}{{duration}}, {{format}}{{#summary}} : {{.}}{{/summary}}|{{details}}\n{{/modules}}",
                      "en": "{{#modules}}{{duration}}, {{format}}{{#summary}}: {{.}}{{/summary}}|{{details}}\n{{/modules}}"]
        let session = ["fr": "{{#sessions}}{{when}}{{#place}}, {{.}}{{/place}}{{#trainer}}, avec {{.}}{{/trainer}} ({{seats}} places)|{{line}}\n{{/sessions}}",
                       "en": "{{#sessions}}{{when}}{{#place}}, {{.}}{{/place}}{{#trainer}}, with {{.}}{{/trainer}} ({{seats}} seats)|{{line}}\n{{/sessions}}"]
        let pairs = Self.optionals.flatMap { a in Self.optionals.map { b in (a, b) } }
        let relays: [[String: Any]] = pairs.map { role, email in
            ["name": "N&", "role": MessageContext.text(role), "email": MessageContext.text(email),
             "details": MessageContext.relayDetails(role: role, email: email)]
        }
        let contacts: [[String: Any]] = Self.optionals.map { phone in
            ["name": "N<", "phone": MessageContext.text(phone), "details": MessageContext.contactDetails(phone: phone)]
        }
        try expectBothSidesEqual(mustache(relay, ["relays": relays]))
        try expectBothSidesEqual(mustache(contact, ["contacts": contacts]))
        for l in Language.allCases {
            let teams: [[String: Any]] = pairs.map { scope, contact in
                ["name": "T", "scope": MessageContext.text(scope), "contact": MessageContext.text(contact),
                 "details": MessageContext.supportDetails(scope: scope, contact: contact, l)]
            }
            let modules: [[String: Any]] = pairs.map { duration, summary in
                ["duration": duration ?? "2 h", "format": "en salle", "summary": MessageContext.text(summary),
                 "details": MessageContext.moduleDetails(duration: duration ?? "2 h", format: "en salle", summary: summary, l)]
            }
            let sessions: [[String: Any]] = pairs.enumerated().map { i, pair in
                let place = pair.0 ?? ""
                return ["when": "Lundi <1>", "place": place, "trainer": MessageContext.text(pair.1), "seats": i,
                        "line": MessageContext.sessionLine(when: "Lundi <1>", place: place, trainer: pair.1, seats: i, l)]
            }
            try expectBothSidesEqual(mustache(support[l.rawValue]!, ["teams": teams]))
            try expectBothSidesEqual(mustache(module[l.rawValue]!, ["modules": modules]))
            try expectBothSidesEqual(mustache(session[l.rawValue]!, ["sessions": sessions]))
        }
    }

    /// Each line of `text` is `loop output|preformatted output`.
    private func expectBothSidesEqual(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty)
        for line in lines {
            let sides = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            #expect(sides.count == 2 && sides[0] == sides[1], "\(line)")
        }
    }

    @Test func trainingRowsAndLinesAreWhatTheirLoopsPrint() throws {
        let cells = ["time", "module", "seats", "room"]
        let rowLoop = "{{#rows}}\n<tr><td><time datetime=\"{{iso}}\">{{date}}</time></td><td>{{time}}</td><td>{{module}}</td><td>{{seats}}</td><td>{{room}}</td></tr>\n{{/rows}}\n"
        let rows: [[String: Any]] = Self.awkward.enumerated().map { i, text in
            ["iso": "2027-03-0\(i)", "date": text, "time": "9 h – 11 h", "module": text + "&", "seats": i * 7, "room": "—"]
        }
        #expect(TrainingLines.sessionRows(rows, cells: cells) == (try mustache(rowLoop, ["rows": rows])))
        #expect(TrainingLines.sessionRows([], cells: cells) == "")
        #expect(TrainingSchedulePage.cells.count == 9 && TrainingTrainerPage.cells.count == 8)
        let lineLoop = ["fr": "{{#elearning}}\n- **{{module}}** ({{duration}}) : {{audience}}, {{seats}} personnes\n{{/elearning}}\n",
                        "en": "{{#elearning}}\n- **{{module}}** ({{duration}}): {{audience}}, {{seats}} people\n{{/elearning}}\n"]
        let items: [[String: Any]] = Self.awkward.enumerated().map { i, text in
            ["module": text, "duration": "45 min", "audience": "A <\(i)>", "seats": i]
        }
        for l in Language.allCases {
            #expect(TrainingLines.elearningLines(items, l) == (try mustache(lineLoop[l.rawValue]!, ["elearning": items])))
        }
    }

    @Test func commsPlanRowsAndLinesAreWhatTheirLoopsPrint() throws {
        let rowLoop = "{{#sends}}\n<tr><td>{{date}}</td><td>{{time}}</td><td><a href=\"{{link}}\">{{message}}</a></td><td>{{channel}}</td><td>{{audience}}</td><td>{{wave}}</td><td>{{headcount}}</td></tr>\n{{/sends}}\n"
        let rows: [[String: Any]] = Self.awkward.enumerated().map { i, text in
            ["date": text, "time": "09:00", "link": "a/comms/\(text).html", "message": text + "<", "file": "x",
             "channel": "e-mail", "audience": "A & \(i)", "wave": text, "headcount": i * 10]
        }
        #expect(CommsPlanDocument.sendRows(rows) == (try mustache(rowLoop, ["sends": rows])))
        let lineLoop = ["fr": "{{#perAudience}}\n- **{{audience}}** : {{count}}, {{headcount}} personnes\n{{/perAudience}}\n",
                        "en": "{{#perAudience}}\n- **{{audience}}**: {{count}}, {{headcount}} people\n{{/perAudience}}\n"]
        let items: [[String: Any]] = Self.awkward.enumerated().map { i, text in ["audience": text, "count": "\(i) messages", "headcount": i] }
        for l in Language.allCases {
            #expect(CommsPlanDocument.audienceLines(items, l) == (try mustache(lineLoop[l.rawValue]!, ["perAudience": items])))
            #expect(CommsPlanDocument.audienceLines([], l) == "")
        }
    }

    @Test func guideSectionMarkdownIsWhatTheSectionLoopPrints() throws {
        let loop = "{{#sections}}\n{{{headingLine}}}\n\n{{{body}}}\n\n{{#feedback}}\n> **{{label}}** — {{text}}\n{{#answer}}\n>\n> **{{answerLabel}}** {{answer}}\n{{/answer}}\n\n{{/feedback}}\n{{/sections}}\n"
        let preformatted = "{{#sections}}\n{{{markdown}}}\n{{/sections}}\n"
        let sections: [[String: Any]] = Self.awkward.enumerated().map { i, text in
            let feedback: [[String: Any]] = (0..<(i % 3)).map { n in
                ["label": "Astuce <\(n)>", "text": Self.awkward[(i + n) % Self.awkward.count],
                 "answer": n == 0 ? Self.awkward[n] as Any : (i % 2 == 0 ? "" as Any : false), "answerLabel": "Réponse &"]
            }
            let headingLine = "## <a id=\"s\(i)\"></a>" + MarkdownContentType.escape(text)
            let body = i == 0 ? "" : "Body *\(i)* <b>\n\nmore"
            return ["headingLine": headingLine, "body": body, "feedback": feedback,
                    "markdown": GuidePage.sectionMarkdown(headingLine: headingLine, body: body, feedback: feedback)]
        }
        #expect(try mustache(preformatted, ["sections": sections]) == (try mustache(loop, ["sections": sections])))
    }

    @Test func kitDetailsAreWhatTheirSectionsPrint() throws {
        let relay = "{{#relays}}{{name}}{{#hasRole}} ({{role}}){{/hasRole}}|{{name}}{{details}}\n{{/relays}}"
        let role = ["fr": "{{#roles}}{{#hasPerson}} : {{person}}{{/hasPerson}}{{#hasContact}} — {{contact}}{{/hasContact}}|{{details}}\n{{/roles}}",
                    "en": "{{#roles}}{{#hasPerson}}: {{person}}{{/hasPerson}}{{#hasContact}} — {{contact}}{{/hasContact}}|{{details}}\n{{/roles}}"]
        let team = ["fr": "{{#teams}}{{#hasScope}} — {{scope}}{{/hasScope}}{{#hasContact}} : {{contact}}{{/hasContact}}|{{details}}\n{{/teams}}",
                    "en": "{{#teams}}{{#hasScope}} — {{scope}}{{/hasScope}}{{#hasContact}}: {{contact}}{{/hasContact}}|{{details}}\n{{/teams}}"]
        let relays: [[String: Any]] = Self.optionals.map { r in
            ["name": "R&", "role": r ?? "", "hasRole": r != nil, "details": KitPage.relayDetails(role: r)]
        }
        try expectBothSidesEqual(mustache(relay, ["relays": relays]))
        let pairs = Self.optionals.flatMap { a in Self.optionals.map { b in (a, b) } }
        for l in Language.allCases {
            let roles: [[String: Any]] = pairs.map { person, contact in
                var r: [String: Any] = ["person": person ?? "", "hasPerson": person != nil,
                                        "contact": contact ?? "", "hasContact": !(contact ?? "").isEmpty]
                r["details"] = KitPage.roleDetails(r, l)
                return r
            }
            let teams: [[String: Any]] = pairs.map { scope, contact in
                var t: [String: Any] = ["scope": scope ?? "", "hasScope": scope != nil, "contact": contact ?? "", "hasContact": contact != nil]
                t["details"] = KitPage.teamDetails(t, l)
                return t
            }
            try expectBothSidesEqual(mustache(role[l.rawValue]!, ["roles": roles]))
            try expectBothSidesEqual(mustache(team[l.rawValue]!, ["teams": teams]))
        }
    }

    @Test func trainingSessionDetailsAreWhatTheSessionLinePrints() throws {
        let loop = ["fr": "{{#sessions}}{{hours}} — {{place}}, avec {{trainer}} ({{seats}} places, {{session}})|{{details}}\n{{/sessions}}",
                    "en": "{{#sessions}}{{hours}} — {{place}}, with {{trainer}} ({{seats}} seats, {{session}})|{{details}}\n{{/sessions}}"]
        for l in Language.allCases {
            let sessions: [[String: Any]] = Self.awkward.enumerated().map { i, text in
                ["hours": "9 h – 11 h", "place": text, "trainer": Self.awkward[(i + 1) % Self.awkward.count], "seats": i,
                 "session": "session \(i) <sur> 9",
                 "details": TrainingLines.sessionDetails(hours: "9 h – 11 h", place: text, trainer: Self.awkward[(i + 1) % Self.awkward.count],
                                                         seats: i, session: "session \(i) <sur> 9", l)]
            }
            try expectBothSidesEqual(mustache(loop[l.rawValue]!, ["sessions": sessions]))
        }
    }

    @Test func sharedKeysRenderAsIfMergedUnderTheOwnOnes() throws {
        let library = try TemplateLibrary(builtIn: ["probe.md": "{{a}} {{b}} {{c}}{{#list}} {{a}}{{.}}{{/list}} {{missing}}\n"])
        let own: [String: Any] = ["a": "own", "c": false]
        let shared: [String: Any] = ["a": "shared", "b": "B", "list": ["1", "2"]]
        var merged = Diagnostics(), layered = Diagnostics()
        let one = library.render("probe", language: .fr, context: shared.merging(own) { _, o in o }, &merged)
        let two = library.render("probe", language: .fr, context: own, shared: shared, &layered)
        #expect(one == two && one == "own B false own1 own2 \n")
        #expect(merged.sorted.map(\.message) == layered.sorted.map(\.message) && layered.sorted.count == 1)
    }

    @Test func bulletLinesAreWhatTheGuardedListLoopPrints() throws {
        let loop = "{{#hasList}}\n{{#list}}\n- {{.}}\n{{/list}}\n{{/hasList}}\nend\n"
        let lines = "{{#hasList}}\n{{{listLines}}}\n{{/hasList}}\nend\n"
        for count in [0, 1, 2, Self.awkward.count] {
            let items = Array(Self.awkward.prefix(count))
            let context: [String: Any] = ["list": items, "hasList": !items.isEmpty, "listLines": Preformatted.bulletLines(items)]
            #expect(try mustache(lines, context) == (try mustache(loop, context)), "\(count)")
        }
    }

    @Test func subjectFastPathKeepsTheLineRules() {
        let texts = ["ORION — Bascule le 19 mars", " lead", "trail ", "a\nb", "a\r\nb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b",
                     "\u{A0}nbsp", "nbsp\u{A0}", "\u{3000}x", "x\u{2003}", "tab\there", "é début", "fin é", "x", "", " ",
                     "a\u{0B}b", "a\u{0C}b", "ORION — Été \u{2027} ok", "x\u{7F}y", "\u{C2}\u{85}", "Réunion d’équipe 🎉 ok"]
        for text in texts + PreformattedValueTests.awkward {
            let reference = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if MessageDocuments.isOneTrimmedLine(text) { #expect(reference == text, "\(text.debugDescription)") }
            #expect(MessageDocuments.subject(heading: text, fallback: "", code: "ORION")
                    == (reference.isEmpty ? "ORION" : reference.hasPrefix("ORION") ? reference : "ORION — " + reference))
        }
        #expect(MessageDocuments.isOneTrimmedLine("ORION — Bascule le 19 mars"))
    }

    /// Text values are handed to Mustache as custom-renderable (MustacheText.swift): what they print,
    /// escaped, unescaped, as a section, inverted, transformed or asked for a child, must be what
    /// Mustache prints for a value it renders its own default way (`String(describing:)`).
    @Test func textPrintsAsMustachePrintsAnyValue() throws {
        struct Described: CustomStringConvertible, MustacheTransformable, CustomReflectable {
            let text: String
            var description: String { text }
            func transform(_ name: String) -> Any? { text.transform(name) }
            var customMirror: Mirror { text.customMirror }
        }
        let template = "{{{x}}}|{{x}}|{{#x}}[{{.}}]{{/x}}|{{^x}}none{{/x}}|{{uppercased(x)}}|{{x.count}}|{{x.text}}\n"
        for text in Self.awkward + ["", "<b>&amp;</b>", "**gras** et _italique_"] {
            var d = Diagnostics()
            let library = try TemplateLibrary(builtIn: ["probe.md": "top\n" + template])
            let asText = library.render("probe", language: .fr, context: ["x": text], &d)
            let asDefault = library.render("probe", language: .fr, context: ["x": Described(text: text)], &d)
            #expect(asText == asDefault, "\(text)")
            #expect(asText.contains("|" + MarkdownContentType.escape(text) + "|"))
        }
    }

    @Test func sharedSafeTextIsWhatEachGuideMadeAlone() {
        let sections = ["Plain *text*", "<div>raw</div>\n\nand <b>inline</b>", "", "a <!-- c --> b"]
        let document = GuideDocument(title: "T", preamble: "<script>x</script>\n\nIntro", sections: sections.enumerated().map { i, body in
            GuideSection(heading: "H\(i)", level: 2, slug: "h\(i)", parent: nil, audiences: [], modules: [], body: body, line: i)
        }, file: "guides/guide.md")
        let safe = GuideSelection.SafeText(document)
        #expect(safe.preamble == Cmark.escapingRawHTML(document.preamble))
        #expect(safe.bodies == sections.map(Cmark.escapingRawHTML))
        #expect(safe.bodies[1] != sections[1])
    }

    /// A heading's text put back into Markdown (the table of contents) renders as that text: every
    /// special is escaped, a combining mark after it or not (libcmark reads the `*` of `*́`).
    @Test func inlineHeadingTextStaysText() {
        #expect(GuidePage.inline("Plain heading") == "Plain heading")
        #expect(GuidePage.inline("a*b_[c]`d`!#|~\\") == "a\\*b\\_\\[c\\]\\`d\\`\\!\\#\\|\\~\\\\")
        #expect(GuidePage.inline("*\u{301}x") == "\\*\u{301}x")
        for heading in ["*\u{301}x* and _\u{301}y_", "`\u{301}code`", "[\u{301}link](x)", "é *gras* ~~b~~"] {
            let html = Cmark.html("- [" + GuidePage.inline(heading) + "](#s)")
            #expect(!html.contains("<em>") && !html.contains("<code>") && !html.contains("<strong>"), "\(heading): \(html)")
            #expect(html.contains("<a href=\"#s\">"), "\(heading): \(html)")
        }
    }

    @Test func zeroPaddingMatchesStringFormat() {
        for value in [0, 7, 42, 999, 1_000, 12_345, 999_999, 1_000_000, 12_345_678, 123_456_789, -1, -42, -123_456_789] {
            for width in [1, 2, 4, 6, 8] {
                #expect(Digits.padded(value, width) == String(format: "%0\(width)d", value), "\(value) \(width)")
            }
        }
    }

    @Test func datesAndTimesMatchStringFormat() throws {
        for (y, m, d) in [(1, 1, 1), (999, 12, 31), (2027, 3, 9), (9999, 12, 31), (2024, 2, 29)] {
            let date = try #require(CivilDate(year: y, month: m, day: d))
            #expect(date.description == String(format: "%04d-%02d-%02d", y, m, d))
        }
        for minutes in [0, 1, 59, 60, 61, 599, 600, 1439] {
            let time = try #require(TimeOfDay(minutes: minutes))
            #expect(time.description == String(format: "%02d:%02d", minutes / 60, minutes % 60))
        }
        for seconds in [ICSDateTime.earliest, -1, 0, 1_803_421_234, ICSDateTime.latest] {
            let t = ICSDateTime(seconds: seconds, offset: 3600)
            let expected = String(format: "%04d%02d%02dT%02d%02d%02d", t.date.year, t.date.month, t.date.day,
                                  t.secondOfDay / 3600, t.secondOfDay / 60 % 60, t.secondOfDay % 60)
            #expect(t.text == expected)
        }
    }

    @Test func oneParseGivesTheHTMLAndTheHeadingOfTwo() {
        let documents = [
            "# ORION — Hello *there*\n\nText", "No heading", "## Second level first\n\n# Then the title",
            "<div>\n# not a heading\n</div>\n\n# Real [link](javascript:alert(1)) ![img](data:x)",
            "Setext title\n===\n\nBody", "> # quoted\n\n# top", "",
        ]
        for markdown in documents {
            let (html, title) = Cmark.htmlAndTitle(markdown)
            #expect(html == Cmark.html(markdown), "\(markdown)")
            #expect(title == Cmark.blocks(markdown).first { $0.kind == .heading(level: 1) }?.text, "\(markdown)")
        }
    }
}
