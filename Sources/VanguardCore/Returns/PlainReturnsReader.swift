/// Reads the common returns file — ASCII, no quotes, a carriage return only before a line feed —
/// byte by byte, without a `String` per field: a million-row file is read in a fraction of the time
/// the general CSV reader takes.
///
/// It only ever accepts: at the first thing it is not sure of (a bad row, a quote, a repeat, a
/// number written unusually) it gives up and `ReturnsFile` reads the file the general way, which
/// names every problem. So whatever this accepts, the general reader accepts with the same values
/// (`ParserFuzzTests` holds the two to that), and rejections are worded in one place.
struct PlainReturnsReader {
    let areas: CodeTable
    let metrics: CodeTable
    /// The areas the sender may submit for, by index into `areas`; nil for every known area.
    let permittedAreas: [Bool]?
    let latestPeriod: Month

    init?(file: ReturnsFile) {
        guard let areas = CodeTable(file.knownAreas), let metrics = CodeTable(file.knownMetrics) else { return nil }
        self.areas = areas
        self.metrics = metrics
        permittedAreas = file.permittedAreas.map { permitted in areas.codes.map { permitted.contains($0) } }
        latestPeriod = file.latestPeriod
    }

    /// Every value of the file, or nil when the general reader must decide.
    func read(_ bytes: UnsafeRawBufferPointer) -> [ReturnValue]? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for (index, byte) in bytes.enumerated() {
            // Non-ASCII text may hold spaces the general reader trims, and quotes change the fields.
            if byte >= 0x80 || byte == UInt8(ascii: "\"") { return nil }
            if byte == carriageReturn, index + 1 == bytes.count || bytes[index + 1] != newline { return nil }
        }
        var lines = Lines(bytes: bytes)
        guard let header = lines.next(), Self.isHeader(bytes, header) else { return nil }

        var values: [ReturnValue] = []
        values.reserveCapacity(bytes.count / 40)
        var seen = Set<Int>()
        seen.reserveCapacity(bytes.count / 40)
        let periods = PeriodRange(latest: latestPeriod)
        while let line = lines.next() {
            if line.isEmpty { continue }
            guard let (a, b, c, d) = Self.commas(bytes, in: line) else { return nil }
            func field(_ from: Int, _ to: Int) -> Range<Int> { Self.trimmed(bytes, from..<to) }

            guard let area = areas.index(of: bytes, field(line.lowerBound, a)), permittedAreas?[area] ?? true,
                let metric = metrics.index(of: bytes, field(a + 1, b)),
                let period = Month(digits: UnsafeRawBufferPointer(rebasing: bytes[field(b + 1, c)])), period <= latestPeriod,
                let numerator = Self.number(bytes, field(c + 1, d)),
                let denominator = Self.number(bytes, field(d + 1, line.upperBound)), denominator != 0,
                let periodIndex = periods.index(of: period)
            else { return nil }
            let key = (area * metrics.codes.count + metric) * periods.count + periodIndex
            guard seen.insert(key).inserted else { return nil }
            values.append(
                ReturnValue(
                    areaCode: areas.codes[area], metricCode: metrics.codes[metric], period: period, numerator: numerator,
                    denominator: denominator))
        }
        return values.isEmpty ? nil : values
    }

    /// Where the four commas of a five-field line are, or nil for any other count.
    private static func commas(_ bytes: UnsafeRawBufferPointer, in line: Range<Int>) -> (Int, Int, Int, Int)? {
        var found = 0
        var a = 0, b = 0, c = 0, d = 0
        for index in line where bytes[index] == UInt8(ascii: ",") {
            switch found {
            case 0: a = index
            case 1: b = index
            case 2: c = index
            case 3: d = index
            default: return nil
            }
            found += 1
        }
        return found == 4 ? (a, b, c, d) : nil
    }

    private static func isHeader(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) -> Bool {
        let names = bytes[line].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard names.count == ReturnsFile.header.count else { return false }
        return zip(names, ReturnsFile.header).allSatisfy { name, expected in
            bytes[trimmed(bytes, name.startIndex..<name.endIndex)].elementsEqual(expected.utf8)
        }
    }

    /// The field without the spaces and tabs around it (what `.whitespaces` trims from ASCII).
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// A count or population as the general reader would take it: plain digits are read here (a
    /// whole number of up to 15 digits is exact in a `Double`); anything else with a point or an
    /// exponent through `Double`'s own parser, as the general reader does.
    private static func number(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty else { return nil }
        var whole = 0
        var plain = range.count <= 15
        for index in range {
            let byte = bytes[index]
            let digit = Int(byte) - 48
            if (0...9).contains(digit) {
                whole = whole &* 10 &+ digit
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                plain = false
            } else {
                return nil  // a sign or anything else: the general reader decides
            }
        }
        let value: Double
        if plain {
            value = Double(whole)
        } else {
            guard let parsed = Double(String(decoding: bytes[range], as: UTF8.self)) else { return nil }
            value = parsed
        }
        guard value.isFinite, value >= 0, value <= ReturnsFile.largestValue else { return nil }
        return value
    }
}

extension PlainReturnsReader {
    /// Known codes, found by the bytes of a field without making a string of them.
    struct CodeTable {
        let codes: [String]
        private let bytes: [[UInt8]]
        private let slots: [UInt64: Int]

        init?(_ known: Set<String>) {
            codes = known.sorted()
            bytes = codes.map { Array($0.utf8) }
            var slots: [UInt64: Int] = [:]
            for (index, code) in bytes.enumerated() {
                // Two codes with one hash would make one unfindable: leave such a file to the general reader.
                guard slots.updateValue(index, forKey: Self.hash(code)) == nil else { return nil }
            }
            self.slots = slots
        }

        func index(of file: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
            guard let index = slots[Self.hash(file[range])], bytes[index].elementsEqual(file[range]) else { return nil }
            return index
        }

        /// FNV-1a, 64-bit.
        private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    /// The months a file may hold, 1900 to the latest, numbered for the repeat check.
    struct PeriodRange {
        let first = Month(year: 1900, month: 1)
        let count: Int

        init(latest: Month) { count = max(0, (latest.year - 1900) * 12 + latest.month) }

        func index(of month: Month) -> Int? {
            let index = (month.year - first.year) * 12 + month.month - 1
            return (0..<count).contains(index) ? index : nil
        }
    }

    /// The lines of the file, each without its line feed and the carriage return before it.
    struct Lines: IteratorProtocol {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func next() -> Range<Int>? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            position = end + 1
            let last = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            return start..<last
        }
    }
}
