/// Cross-checks: every id a block refers to exists in the block it names.
struct References {
    let plan: Plan
    let templateNames: Set<String>
    /// Every audience and module id that was written validly, including those whose other fields failed.
    var knownAudienceIDs: [String]? = nil
    var knownModuleIDs: [String]? = nil

    func check(_ d: inout Diagnostics) {
        let roles = plan.roles.map(\.id)
        let teams = plan.support?.teams.map(\.id) ?? []
        let audiences = knownAudienceIDs ?? plan.audiences.map(\.id)
        let modules = knownModuleIDs ?? plan.training?.modules.map(\.id) ?? []

        func resolve(_ ref: Located<String>, in ids: [String], kind: String, _ d: inout Diagnostics) {
            guard !ids.contains(ref.value) else { return }
            var message = "unknown \(kind) '\(ref.value)'"
            if let guess = Suggest.closest(to: ref.value, in: ids) { message += "; did you mean '\(guess)'?" }
            else if ids.isEmpty { message += " (none is defined)" }
            else { message += " (known: \(ids.joined(separator: ", ")))" }
            d.error(ref.location, message)
        }

        for step in plan.runbook { if let owner = step.owner { resolve(owner, in: roles, kind: "role", &d) } }
        if let by = plan.fallback?.decidedBy { resolve(by, in: roles, kind: "role", &d) }
        for check in plan.postGoLive?.checks ?? [] { if let owner = check.owner { resolve(owner, in: roles, kind: "role", &d) } }
        for person in plan.postGoLive?.dailyMeeting?.participants ?? [] {
            resolve(person, in: roles + teams, kind: "role or support team", &d)
        }
        for meeting in plan.support?.handover?.meetings ?? [] {
            for who in meeting.with { resolve(who, in: roles + teams, kind: "role or support team", &d) }
        }
        for communication in plan.communications {
            if case .ids(let ids) = communication.audiences {
                for id in ids { resolve(id, in: audiences, kind: "audience", &d) }
            }
            if !templateNames.contains(communication.template.value) {
                var message = "unknown template '\(communication.template.value)'"
                if let guess = Suggest.closest(to: communication.template.value, in: templateNames.sorted()) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += " (built-in: \(templateNames.filter { $0.hasPrefix("announcement/") }.sorted().joined(separator: ", ")))"
                }
                d.error(communication.template.location, message)
            }
        }
        for trainer in plan.training?.trainers ?? [] {
            for module in trainer.modules { resolve(module, in: modules, kind: "training module", &d) }
        }
        for audience in plan.audiences {
            for module in audience.modules { resolve(module, in: modules, kind: "training module", &d) }
        }
        let guideIDs = plan.guides.map(\.id)
        for entry in plan.feedback {
            if let audience = entry.audience {
                resolve(Located(audience, at: entry.audienceLocation), in: audiences + ["all"], kind: "audience", &d)
            }
            resolve(Located(entry.guide, at: entry.guideLocation), in: guideIDs, kind: "guide", &d)
            guard let guide = plan.guideSources[entry.guide]?.base else { continue }
            if guide.section(named: entry.section.value) == nil {
                var message = "feedback \(entry.id): guide '\(entry.guide)' has no section '\(entry.section.value)'"
                if let guess = Suggest.closest(to: entry.section.value, in: guide.sections.map(\.heading)) {
                    message += "; did you mean '\(guess)'?"
                }
                d.error(entry.section.location, message)
            }
        }
    }
}
