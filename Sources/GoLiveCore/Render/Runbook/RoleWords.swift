import Foundation

/// How the go-live documents name people: a role with its person and contact, a support team,
/// or whatever id the plan wrote when it is neither.
enum RoleWords {
    /// "PMO — pilotage (Camille Lambert)".
    static func name(_ id: String, _ plan: Plan) -> String {
        if let role = plan.role(id) { return role.person.map { "\(role.name) (\($0.name))" } ?? role.name }
        if let team = plan.support?.teams.first(where: { $0.id == id }) { return team.name }
        return id
    }

    /// "camille.lambert@example.org, +33 1 70 00 10 01", or "" when the plan gives none.
    static func contact(_ id: String, _ plan: Plan) -> String {
        if let person = plan.role(id)?.person { return [person.email, person.phone].compactMap { $0 }.joined(separator: ", ") }
        if let team = plan.support?.teams.first(where: { $0.id == id }) { return team.contact ?? "" }
        return ""
    }

    /// Name and contact in one phrase.
    static func full(_ id: String, _ plan: Plan) -> String {
        let contact = contact(id, plan)
        return contact.isEmpty ? name(id, plan) : "\(name(id, plan)) — \(contact)"
    }

    /// The list of role entries for templates: name, person, contact.
    static func roles(_ plan: Plan) -> [[String: Any]] {
        plan.roles.map { role in
            ["name": role.name, "person": role.person?.name ?? "", "hasPerson": role.person != nil,
             "contact": contact(role.id, plan), "hasContact": !contact(role.id, plan).isEmpty]
        }
    }

    static func teams(_ plan: Plan) -> [[String: Any]] {
        (plan.support?.teams ?? []).map { t in
            ["name": t.name, "scope": t.scope ?? "", "hasScope": t.scope != nil,
             "contact": t.contact ?? "", "hasContact": t.contact != nil]
        }
    }

    /// Removes the blank lines of an inline SVG: a blank line would end the HTML block in Markdown.
    static func inline(_ svg: String) -> String {
        svg.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: "\n")
    }
}
