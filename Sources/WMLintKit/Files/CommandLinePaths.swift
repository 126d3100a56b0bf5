import WMLintSource

extension FileName {
    /// `paths` as named on the command line, with the bytes of any that are not UTF-8 (which the parsed arguments
    /// hold with U+FFFD in their place) restored as ``FileName`` keeps them, so that such a file is read, and
    /// never one whose name really holds U+FFFD.
    static func restoring(_ paths: [String]) -> [String] {
        guard paths.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) else { return paths }
        var raw: [[UInt8]] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            var length = 0
            while argument[length] != 0 { length += 1 }
            let bytes = UnsafeRawBufferPointer(start: argument, count: length).map { $0 }
            if String(validating: bytes, as: UTF8.self) == nil { raw.append(bytes) }
        }
        return paths.map { path in
            guard path.unicodeScalars.contains("\u{FFFD}"),
                let index = raw.firstIndex(where: { String(decoding: $0, as: UTF8.self) == path })
            else { return path }
            return FileName.decode(raw.remove(at: index))
        }
    }
}
