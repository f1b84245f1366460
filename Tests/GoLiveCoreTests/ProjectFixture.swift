import Foundation
@testable import GoLiveCore

/// Small inline projects for the foundation tests, and the way to the repository's example.
enum ProjectFixture {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// The smallest valid plan; tests replace one line to break one rule.
    static let plan = """
    project:
      name: "Atlas"
      code: ATLAS
      languages: [fr, en]
      timezone: Europe/Paris
    decision:
      status: go
    deployment:
      mode: progressive
      window: { start: "20:00", end: "06:00" }
      waves:
        - id: lot-1
          name: "Lot 1"
          date: 2027-03-19
        - id: lot-2
          date: 2027-04-02
    roles:
      - id: pmo
        name: "PMO"
    runbook:
      - id: freeze
        title: "Freeze"
        owner: pmo
        start: "J-1 18:00"
        duration: 30m
    communications:
      - id: teaser
        template: announcement/teaser
        at: J-30
        audiences: all
        channel: email
    training:
      modules:
        - id: essentials
          duration: 2h
          format: classroom
          capacity: 12
      trainers:
        - id: t-one
          modules: [essentials]
          languages: [fr]
          sites: [Paris]
      rooms:
        - id: r1
          site: Paris
          capacity: 12
    guides:
      - id: user-guide
        source: guides/user-guide.md

    """

    static let audience = """
    name: "Agents"
    language: fr
    headcount: 20
    impact: high
    wave: lot-1
    sites: [Paris]
    modules: [essentials]
    mailing_list: "agents@example.org"
    relays: [{ name: "A" }]

    """

    static let guide = """
    # Guide

    ## Se connecter

    Texte.

    <!-- golive: modules=essentials -->
    ## Réaffectation

    Texte.

    """

    static func files(plan: String = plan, audience: String = audience, guide: String = guide,
                      extra: [String: String] = [:]) -> MemoryFiles {
        var tree = ["plan.yaml": plan, "audiences/agents.yaml": audience, "guides/user-guide.md": guide]
        for (path, text) in extra { tree[path] = text }
        return MemoryFiles(tree)
    }

    /// The diagnostics of loading `files`, rendered as the user sees them.
    static func messages(_ files: ProjectFiles) -> [String] {
        do {
            let loaded = try LoadedProject.load(files)
            return loaded.warnings.map(\.description)
        } catch {
            if case .invalidInput(let diagnostics) = error { return diagnostics.map(\.description) }
            return [error.description]
        }
    }
}

extension String {
    /// Replaces exactly one occurrence, so a fixture edit that stops matching fails loudly.
    func replacingOnce(_ old: String, with new: String) -> String {
        precondition(components(separatedBy: old).count == 2, "fixture text '\(old)' must occur exactly once")
        return replacingOccurrences(of: old, with: new)
    }
}
