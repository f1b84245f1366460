import Foundation
import Testing
@testable import GoLiveCore

/// One fixture per rule of the input contract: each asserts the exact message and the position of the
/// offending value, because users jump to that position from their editor.
@Suite("Validation rules")
struct ValidationRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let plan: String
        let audience: String
        let extra: [String: String]
        let expected: String
        var testDescription: String { name }

        init(_ name: String, plan: String = ProjectFixture.plan, audience: String = ProjectFixture.audience,
             extra: [String: String] = [:], _ expected: String) {
            self.name = name
            self.plan = plan
            self.audience = audience
            self.extra = extra
            self.expected = expected
        }
    }

    static let p = ProjectFixture.plan
    static let a = ProjectFixture.audience

    static let cases: [Case] = [
        Case("missing required field", plan: p.replacingOnce("  code: ATLAS\n", with: ""),
             "plan.yaml:2:3: error: 'project': missing required field 'code'"),
        Case("missing required block", plan: p.replacingOnce("decision:\n  status: go\n", with: ""),
             "plan.yaml:1:1: error: plan: missing required field 'decision'"),
        Case("duplicate audience id across files", extra: ["audiences/zz-agents.yaml": "id: agents\n" + a],
             "audiences/zz-agents.yaml:1:5: error: duplicate audience id 'agents' (first defined at audiences/agents.yaml:1:1)"),
        Case("wrong type", audience: a.replacingOnce("headcount: 20", with: "headcount: many"),
             "audiences/agents.yaml:3:12: error: 'headcount' in audience 'agents' must be a whole number, found 'many'"),
        Case("wrong type: list expected", plan: p.replacingOnce("languages: [fr, en]", with: "languages: fr"),
             "plan.yaml:4:14: error: 'languages' in 'project' must be a list, found 'fr'"),
        Case("unknown key with a hint", plan: p.replacingOnce("    audiences: all", with: "    audiencs: all"),
             "plan.yaml:30:5: error: communication 'teaser': unknown key 'audiencs'; did you mean 'audiences'?"),
        Case("id format", plan: p.replacingOnce("- id: lot-2", with: "- id: Lot_2"),
             "plan.yaml:15:11: error: wave id 'Lot_2' must use only lowercase letters, digits and '-' (e.g. 'lot-1')"),
        Case("id uniqueness", plan: p.replacingOnce("- id: lot-2", with: "- id: lot-1"),
             "plan.yaml:15:11: error: duplicate wave id 'lot-1' (first defined at plan.yaml:12:11)"),
        Case("wave reference", audience: a.replacingOnce("wave: lot-1", with: "wave: lot-3"),
             "audiences/agents.yaml:5:7: error: audience 'agents' refers to unknown wave 'lot-3'; did you mean 'lot-1'?"),
        Case("role reference", plan: p.replacingOnce("owner: pmo", with: "owner: pmx"),
             "plan.yaml:23:12: error: unknown role 'pmx'; did you mean 'pmo'?"),
        Case("module reference from an audience", audience: a.replacingOnce("modules: [essentials]", with: "modules: [essential]"),
             "audiences/agents.yaml:7:11: error: unknown training module 'essential'; did you mean 'essentials'?"),
        Case("module reference from a trainer", plan: p.replacingOnce("modules: [essentials]", with: "modules: [advanced]"),
             "plan.yaml:40:17: error: unknown training module 'advanced' (known: essentials)"),
        Case("audience reference", plan: p.replacingOnce("audiences: all", with: "audiences: [agents, managers]"),
             "plan.yaml:30:25: error: unknown audience 'managers' (known: agents)"),
        Case("template name", plan: p.replacingOnce("announcement/teaser", with: "announcement/teasr"),
             "plan.yaml:28:15: error: unknown template 'announcement/teasr'; did you mean 'announcement/teaser'?"),
        Case("date", plan: p.replacingOnce("2027-04-02", with: "2027-02-30"),
             "plan.yaml:16:13: error: 'date' in wave 'lot-2' must be a date written YYYY-MM-DD (e.g. 2027-03-19), found '2027-02-30'"),
        Case("time", plan: p.replacingOnce("start: \"20:00\"", with: "start: \"25:00\""),
             "plan.yaml:10:20: error: 'start' in 'window' in 'deployment' must be a 24-hour time HH:MM (e.g. 20:00), found '25:00'"),
        Case("duration", plan: p.replacingOnce("duration: 30m", with: "duration: 30 minutes"),
             "plan.yaml:25:15: error: 'duration' in runbook step 'freeze' must be a duration such as 2h, 90m, 1h30 or 3d, found '30 minutes'"),
        Case("relative moment", plan: p.replacingOnce("start: \"J-1 18:00\"", with: "start: \"J-1 at 18\""),
             "plan.yaml:24:12: error: 'start' in runbook step 'freeze' must be a moment such as 'J-1 18:00' or '2027-03-19 20:00', found 'J-1 at 18'"),
        Case("relative day", plan: p.replacingOnce("at: J-30", with: "at: X-30"),
             "plan.yaml:29:9: error: 'at' in communication 'teaser' must be a day (J-30), a moment (J-1 18:00) or a date and time (2027-03-19 20:00), found 'X-30'"),
        Case("timezone", plan: p.replacingOnce("Europe/Paris", with: "Europe/Pariss"),
             "plan.yaml:5:13: error: timezone 'Europe/Pariss' is not an IANA timezone name (e.g. Europe/Paris); did you mean 'Europe/Paris'?"),
        Case("language", plan: p.replacingOnce("languages: [fr, en]", with: "languages: [fr, de]"),
             "plan.yaml:4:19: error: language must be one of fr, en, found 'de'"),
        Case("enum", plan: p.replacingOnce("status: go", with: "status: maybe"),
             "plan.yaml:7:11: error: 'status' in 'decision' must be one of go, no-go, pending, found 'maybe'"),
        Case("global deployment has one wave", plan: p.replacingOnce("mode: progressive", with: "mode: global"),
             "plan.yaml:12:5: error: a global deployment has exactly one wave, found 2"),
        Case("every audience has a wave when there are several", audience: a.replacingOnce("wave: lot-1\n", with: ""),
             "audiences/agents.yaml:1:1: error: audience 'agents': missing required field 'wave' (the plan has 2 waves: lot-1, lot-2)"),
        Case("audience language is a project language", plan: p.replacingOnce("languages: [fr, en]", with: "languages: [en]"),
             "audiences/agents.yaml:2:11: error: audience language 'fr' is not one of the project's languages (en)"),
        Case("YAML syntax error points at its line", audience: a.replacingOnce("sites: [Paris]", with: "sites: [Paris"),
             "audiences/agents.yaml:7:8: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 6)"),
        Case("feedback: unknown section suggests the closest heading",
             extra: ["feedback/f.yaml": "- { id: fb-1, date: 2027-03-22, audience: agents, guide: user-guide, section: Se connecte, kind: question, text: Q, status: open }\n"],
             "feedback/f.yaml:1:79: error: feedback fb-1: guide 'user-guide' has no section 'Se connecte'; did you mean 'Se connecter'?"),
        Case("feedback: unknown audience",
             extra: ["feedback/f.yaml": "- { id: fb-1, date: 2027-03-22, audience: agent, guide: user-guide, section: se-connecter, kind: tip, text: T, status: open }\n"],
             "feedback/f.yaml:1:43: error: unknown audience 'agent'; did you mean 'agents'?"),
        Case("feedback CSV: unknown guide",
             extra: ["feedback/f.csv": "id;date;audience;guide;section;kind;text;answer;status\r\nfb-1;2027-03-22;all;user-guid;Se connecter;tip;T;;open\r\n"],
             "feedback/f.csv:2:21: error: unknown guide 'user-guid'; did you mean 'user-guide'?"),
        Case("relay e-mail", audience: a.replacingOnce("relays: [{ name: \"A\" }]", with: "relays: [{ name: \"A\", email: \"javascript:alert(1)\" }]"),
             "audiences/agents.yaml:9:30: error: 'email' in relay #1 must be an e-mail address (e.g. name@example.org), found 'javascript:alert(1)'"),
        Case("person e-mail", plan: p.replacingOnce("    name: \"PMO\"\n", with: "    name: \"PMO\"\n    person: { name: \"P\", email: \"not an email\" }\n"),
             "plan.yaml:20:33: error: 'email' in 'person' in role 'pmo' must be an e-mail address (e.g. name@example.org), found 'not an email'"),
        Case("a line break in a quoted value stays on the message's line",
             audience: a.replacingOnce("impact: high", with: "impact: \"very\\nhigh\""),
             "audiences/agents.yaml:4:9: error: 'impact' in audience 'agents' must be one of high, medium, low, found 'very high'"),
        Case("guide targeting comment refers to an audience",
             extra: ["guides/user-guide.md": "# G\n\n<!-- golive: audiences=agentz -->\n## S\n\nT.\n"],
             "guides/user-guide.md:3:14: error: golive comment refers to unknown audience 'agentz'; did you mean 'agents'?"),
    ]

    @Test(arguments: cases)
    func reportsTheRuleAtThePositionOfTheValue(_ c: Case) {
        let messages = ProjectFixture.messages(ProjectFixture.files(plan: c.plan, audience: c.audience, extra: c.extra))
        #expect(messages.contains(c.expected), "got:\n\(messages.joined(separator: "\n"))")
    }

    @Test func theUnbrokenFixtureIsValid() throws {
        let loaded = try LoadedProject.load(ProjectFixture.files())
        #expect(loaded.plan.audiences.map(\.id) == ["agents"])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let plan = Self.p.replacingOnce("channel: email", with: "channel: pigeon")
            .replacingOnce("owner: pmo", with: "owner: nobody")
            .replacingOnce("title: \"Freeze\"", with: "title: [Freeze]")
            .replacingOnce("duration: 30m", with: "duration: soon")
            .replacingOnce("status: go", with: "status: perhaps")
        let audience = Self.a.replacingOnce("impact: high", with: "impact: huge")
        let messages = ProjectFixture.messages(ProjectFixture.files(plan: plan, audience: audience))
        let errors = messages.filter { $0.contains(": error: ") }
        #expect(errors.count >= 4, "got:\n\(messages.joined(separator: "\n"))")
        for message in errors {
            #expect(message.range(of: #"^[a-z/._-]+:\d+:\d+: error: "#, options: .regularExpression) != nil)
        }
    }

    @Test func oneBadValueDoesNotMakeItsReferencesUnknown() {
        let plan = Self.p.replacingOnce("date: 2027-03-19", with: "date: 2027-02-30")
        let audience = Self.a.replacingOnce("impact: high", with: "impact: huge")
        let feedback = ["feedback/f.yaml": "- { id: fb-1, date: 2027-03-22, audience: agents, guide: user-guide, section: se-connecter, kind: tip, text: T, status: open }\n"]
        let errors = ProjectFixture.messages(ProjectFixture.files(plan: plan, audience: audience, extra: feedback))
            .filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "got:\n\(errors.joined(separator: "\n"))")
    }

    @Test func aCommunicationOutsideAnAudienceChannelsIsAWarning() {
        let audience = Self.a + "channels: [intranet]\n"
        let messages = ProjectFixture.messages(ProjectFixture.files(audience: audience))
        #expect(messages.contains("audiences/agents.yaml:10:1: warning: audience 'agents' receives teaser by email, which is not among its channels (intranet)"),
                "got:\n\(messages.joined(separator: "\n"))")
    }

    @Test func warningsDoNotStopTheRunButStrictMakesThemErrors() throws {
        let crowded = Self.a.replacingOnce("headcount: 20", with: "headcount: 200")
        let files = ProjectFixture.files(audience: crowded)
        let loaded = try LoadedProject.load(files)
        #expect(loaded.warnings.contains { $0.severity == .warning && $0.message.contains("1 relay for 200 people") })
        #expect(throws: GoLiveError.self) { try LoadedProject.load(files, strict: true) }
    }
}
