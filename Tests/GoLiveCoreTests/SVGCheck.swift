import Foundation

/// Runs Python's `xml.etree.ElementTree` (standard library) on an SVG and reports
/// what the tests need. A parse error fails the test with the parser's message.
enum SVGCheck {
    struct Report: Decodable {
        var root: String
        var attrs: [String: String]
        var firstChildren: [String]
        var svgTitle: String
        var desc: String
        var texts: [String]
        var titles: [String]
        var rectFills: [String]
        var forbidden: [String]
        var badNumbers: [String]
        var duplicateIds: [String]
        var labelledByResolves: Bool
        var outOfViewBox: [String]
        var barsLeftOfPlot: Int
        var height: Double
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    private static let script = #"""
import sys, json, re
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
try:
    root = ET.parse(sys.argv[1]).getroot()
except ET.ParseError as e:
    print(json.dumps({"error": "not well-formed XML: %s" % e})); sys.exit(0)
def local(tag): return tag.split("}")[-1]
vb = [float(v) for v in root.get("viewBox", "0 0 0 0").split()]
texts, titles, fills, forbidden, bad, ids, outside = [], [], [], [], [], [], []
bars_left = 0
in_patterns = {id(e) for p in root.iter(NS + "pattern") for e in p.iter()}
num = re.compile(r"^-?\d+\.\d$")
for el in root.iter():
    tag = local(el.tag)
    if tag in ("script", "foreignObject", "image", "iframe", "style"): forbidden.append(tag)
    for k, v in el.attrib.items():
        if local(k) == "href" and not v.startswith("#"): forbidden.append("href=" + v)
        if k == "class" or k.startswith("on"): forbidden.append(k)
        if k in ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height") and tag != "svg":
            if not num.match(v): bad.append("%s %s=%s" % (tag, k, v))
    if el.get("id"): ids.append(el.get("id"))
    if tag == "text": texts.append("".join(el.itertext()))
    if tag == "title": titles.append("".join(el.itertext()))
    if tag == "rect" and el.get("fill"): fills.append(el.get("fill"))
    if tag in ("rect", "line", "circle", "text") and el is not root:
        if id(el) in in_patterns: continue
        xs = [float(el.get(k)) for k in ("x", "x1", "x2", "cx") if el.get(k)]
        w = float(el.get("width", "0") if el.get("width", "0") != "100%" else 0)
        if tag == "rect": xs.append(float(el.get("x", "0")) + w)
        if any(x < 0 or x > vb[2] for x in xs): outside.append(tag + str(xs))
        if tag == "rect" and el.get("stroke-dasharray") == "3 2" and float(el.get("x", "0")) < 200: bars_left += 1
kids = [local(c.tag) for c in root]
label_ids = (root.get("aria-labelledby") or "").split()
print(json.dumps({
    "root": root.tag, "attrs": {local(k): v for k, v in root.attrib.items()},
    "firstChildren": kids[:3],
    "svgTitle": "".join(root.find(NS + "title").itertext()) if root.find(NS + "title") is not None else "",
    "desc": "".join(root.find(NS + "desc").itertext()) if root.find(NS + "desc") is not None else "",
    "texts": texts, "titles": titles, "rectFills": fills, "forbidden": forbidden, "badNumbers": bad,
    "duplicateIds": sorted({i for i in ids if ids.count(i) > 1}),
    "labelledByResolves": len(label_ids) == 2 and all(i in ids for i in label_ids),
    "outOfViewBox": outside, "barsLeftOfPlot": bars_left, "height": vb[3]}))
"""#

    static func parse(_ svg: String) throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golive-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.svg")
        try svg.write(to: file, atomically: true, encoding: .utf8)
        let result = try Subprocess.python(script, [file.path])
        let data = Data(result.stdout.utf8), errors = result.stderr
        guard result.status == 0 else {
            throw Failure(description: "python3 failed (is python3 installed?): \(errors)")
        }
        if let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let message = obj["error"] as? String {
            throw Failure(description: message)
        }
        return try JSONDecoder().decode(Report.self, from: data)
    }
}
