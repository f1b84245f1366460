import Foundation

/// A project folder read and validated, with the templates it renders with.
public struct LoadedProject: Sendable {
    public let plan: Plan
    public let templates: TemplateLibrary
    /// Warnings only: a project with errors is never loaded.
    public let warnings: [Diagnostic]
    /// Every input file read → its digest (recorded in the manifest).
    public let inputDigests: [String: String]
    /// A digest of everything this project was loaded from except feedback (each document adds the
    /// feedback it shows), with GoLive's version and built-in templates: the base of every document's key.
    let renderKey: String
    /// What reading each population profile produced in this load: save it and pass it as `cache` to
    /// the next load, which then parses only the profiles that changed.
    public let buildCache: BuildCache

    /// Stage "read+validate". Throws every problem found; `strict` turns warnings into errors. Profiles
    /// whose inputs are unchanged since the load that made `cache` are taken from it, not parsed again.
    public static func load(_ projectFiles: ProjectFiles, strict: Bool = false,
                            cache: BuildCache? = nil) throws(GoLiveError) -> LoadedProject {
        let files = RecordingFiles(projectFiles)
        var overrides: [String: String] = [:]
        var d = Diagnostics()
        for path in files.allFiles(under: "templates") {
            guard let data = files.read(path), let text = String(data: data, encoding: .utf8) else {
                d.error(.file(path), "the template is not UTF-8 text")
                continue
            }
            overrides[String(path.dropFirst("templates/".count))] = text
        }
        let templates: TemplateLibrary
        do {
            templates = try TemplateLibrary(project: overrides)
        } catch {
            d.append(error.diagnostic)
            throw .invalidInput(d.sorted)
        }
        let (plan, diagnostics, profiles) = ProjectLoader(files: files, templateNames: templates.names).load(cache: cache)
        d.append(contentsOf: diagnostics)
        if strict { d = d.promotingWarnings() }
        guard let plan, !d.hasErrors else { throw .invalidInput(d.sorted) }
        // Every file the loader read, as it read it: no second pass over a thousand files.
        var digests: [String: String] = [:]
        for (access, digest) in files.accesses(where: { $0.hasPrefix("read ") }) where digest != RecordingFiles.absent {
            digests[String(access.dropFirst("read ".count))] = digest
        }
        return LoadedProject(plan: plan, templates: templates, warnings: d.sorted, inputDigests: digests,
                             renderKey: renderKey(files), buildCache: profiles)
    }

    private static func renderKey(_ files: RecordingFiles) -> String {
        var key = Fingerprint("golive", GoLiveVersion.current)
        for (name, text) in BuiltinTemplates.files.sorted(by: { $0.key < $1.key }) { key.add(name); key.add(text) }
        let isFeedback = { (access: String) in access == "list feedback" || access.hasPrefix("read feedback/") }
        for (access, digest) in files.accesses(where: { !isFeedback($0) }) { key.add(access); key.add(digest) }
        return key.value
    }
}

extension ProjectFiles {
    /// Every file below `directory`, recursively, as project-relative paths, sorted. Hidden files are skipped.
    public func allFiles(under directory: String) -> [String] {
        var result: [String] = []
        for name in list(directory) where !name.hasPrefix(".") {
            let path = directory.isEmpty ? name : "\(directory)/\(name)"
            if read(path) != nil { result.append(path) } else { result += allFiles(under: path) }
        }
        return result.sorted()
    }
}
