/// Chooses between comma and semicolon (French Excel writes semicolons) by
/// counting both outside quotes on the header line; ties go to the comma.
enum CSVDelimiter {
    static func detect(in scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var seenContent = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes && (scalar == "\n" || scalar == "\r") {
                if seenContent { break } else { continue } // leading blank lines
            }
            seenContent = true
            if !inQuotes && scalar == "," { commas += 1 }
            if !inQuotes && scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
