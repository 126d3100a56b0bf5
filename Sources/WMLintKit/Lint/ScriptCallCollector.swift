import WMLintModel
import WMLintRules
import WMLintSource
import WMLintSyntax

/// Gathers, command by command, what the `aws` calls of one script pass to each other and where they run, for
/// the rules that look across commands (``ScriptCallChecks``).
struct ScriptCallCollector {
    let path: String
    /// What the script's variables hold, learnt as the words are read.
    private var commandOutputs: ShellCommandOutputs
    private(set) var calls = ScriptCalls()
    /// Every call whose output is known, with the command's range, to find the substitution that holds it.
    private var outputs: [(range: SourceRange, output: KnownOutput)] = []

    /// `script`: the scanned script (only its bindings are read); `text`: the scanned text.
    init(script: ShellScript, text: SourceText, path: String) {
        commandOutputs = ShellCommandOutputs(script: script, text: text)
        self.path = path
    }

    /// Records `command`, as the invocation parser read it (before its words are freed).
    mutating func add(_ command: ShellCommand, parsed: ParsedCommand) {
        let service: String
        let operation: String
        let operationRange: SourceRange
        let regionOption: ShellWord?
        var invocation: Invocation?
        switch parsed {
        case .invocation(let read):
            (service, operation, operationRange) =
                (OperationModel.service, read.operation.cliName, read.operationRange)
            regionOption = read.last(CommandOptions.region)?.value
            invocation = read
        case .other(let named):
            guard !named.isHelp else { return }
            (service, operation, operationRange) = (named.service, named.operation, named.range)
            regionOption = CommandOutput.lastValue(of: CommandOptions.region, in: command)
        case .unknown:
            return
        }
        if let region = region(of: command, option: regionOption, service: service, operation: operation) {
            calls.regions.append(region)
        }
        // What a put pairs is recorded with its request (``addPairing(of:request:)``).
        if invocation?.operation.isPutIdentityProviderConfiguration == true { return }
        if CommandOutput.mayPrint(service: service, operation: operation) {
            let instance =
                operation == "create-identity-center-application"
                ? CommandOutput.lastValue(of: "--instance-arn", in: command).flatMap { source(of: $0, in: command) }
                : nil
            if let output = CommandOutput.of(command, service: service, operation: operation, instance: instance) {
                outputs.append(
                    (
                        command.range,
                        KnownOutput(
                            output: output, service: service, operation: operation, path: path,
                            operationRange: operationRange)
                    ))
            }
        }
        if let invocation, operation == "delete-identity-center-application",
            let word = invocation.last("--application-arn")?.value, let application = source(of: word, in: command)
        {
            calls.deletions.append(Deletion(application: application, operationRange: operationRange))
        }
    }

    /// Records the application and instance a `put-identity-provider-configuration` pairs: the bound request's
    /// values, or for an `--identity-center-configuration` only known at run time, the `Key=$NAME` members of
    /// its shorthand.
    mutating func addPairing(of invocation: Invocation, request: Request?) {
        guard let word = invocation.last("--identity-center-configuration")?.value else { return }
        guard word.isStatic else {
            let members = shorthandMembers(of: word, in: invocation.command)
            guard let application = members["ApplicationArn"] else { return }
            calls.pairings.append(Pairing(application: application, instance: members["InstanceArn"]))
            return
        }
        // Values written in the script: only a deletion before them can make a rule about them.
        guard !calls.deletions.isEmpty, let identityCenter = request?.identityCenterConfiguration?.value,
            let application = identityCenter.applicationArn, let value = application.value
        else { return }
        let instance = identityCenter.instanceArn.flatMap { field in
            field.value.map { LocatedSource(source: .text($0), location: field.location) }
        }
        calls.pairings.append(
            Pairing(
                application: LocatedSource(source: .text(value), location: application.location), instance: instance))
    }

    /// The calls, with the known outputs of the substitutions their values come from.
    func finished() -> ScriptCalls {
        var finished = calls
        guard !outputs.isEmpty else { return finished }
        func find(_ source: LocatedSource?) {
            guard case .output(let substitution)? = source?.source, finished.outputs[substitution] == nil else {
                return
            }
            // The substitution's own command: the first call inside it.
            if let inner = outputs.first(where: {
                substitution.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= substitution.upperBound
            }) {
                finished.outputs[substitution] = inner.output
            }
        }
        for pairing in calls.pairings {
            find(pairing.application)
            find(pairing.instance)
        }
        for deletion in calls.deletions { find(deletion.application) }
        return finished
    }

    // MARK: - Values

    /// Where a word's value comes from: its text when static, or the command substitution it is the output of.
    private mutating func source(of word: ShellWord, in command: ShellCommand) -> LocatedSource? {
        if word.isStatic { return LocatedSource(source: .text(word.text), path: path, range: word.range) }
        let uses = commandOutputs.uses(in: word, scopes: command.scopes)
        guard uses.count == 1, let use = uses.first, word.expansions.count == 1 else { return nil }
        return LocatedSource(source: .output(use.substitution), path: path, range: use.use)
    }

    /// The `Key=VALUE` members of a shorthand word only known at run time, where each value is plain text or one
    /// expansion whose output is known (`InstanceArn=$INSTANCE,ApplicationArn=$APP`).
    private mutating func shorthandMembers(of word: ShellWord, in command: ShellCommand) -> [String: LocatedSource] {
        let bytes = Array(word.text.utf8)
        // Which bytes are written in an expansion: their quotes and commas are the expansion's own.
        let inExpansion = bytes.indices.map { index in
            let offset = word.map.start(of: index)
            return word.expansions.contains { $0.lowerBound.offset <= offset && offset < $0.upperBound.offset }
        }
        let isPlain = bytes.indices.allSatisfy { inExpansion[$0] || !"{}[]\"'\\ ".utf8.contains(bytes[$0]) }
        guard isPlain else { return [:] }
        let uses = commandOutputs.uses(in: word, scopes: command.scopes)
        var members: [String: LocatedSource] = [:]
        var start = 0
        while start < bytes.count {
            let end =
                bytes.indices[start...].first { bytes[$0] == UInt8(ascii: ",") && !inExpansion[$0] } ?? bytes.count
            if let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")), equals > start, equals + 1 < end,
                !inExpansion[equals]
            {
                let key = String(decoding: bytes[start..<equals], as: UTF8.self)
                let valueRange = word.fileRange((equals + 1)..<end)
                let value = String(decoding: bytes[(equals + 1)..<end], as: UTF8.self)
                let inside = word.expansions.filter { $0.overlaps(valueRange) }
                if inside.isEmpty {
                    members[key] = LocatedSource(source: .text(value), path: path, range: valueRange)
                } else if inside.count == 1, inside[0] == valueRange,
                    let use = uses.first(where: { $0.use == valueRange })
                {
                    members[key] = LocatedSource(source: .output(use.substitution), path: path, range: use.use)
                }
            }
            start = end + 1
        }
        return members
    }

    /// The region a call runs in, where the script sets it: `--region` (its last value, `option`), else
    /// `AWS_REGION` or `AWS_DEFAULT_REGION` in the command's environment.
    private func region(
        of command: ShellCommand, option: ShellWord?, service: String, operation: String
    ) -> CallRegion? {
        if let option {
            guard option.isStatic, !option.text.isEmpty, CommandOptions.isRegionName(option.text) else { return nil }
            return CallRegion(
                region: option.text, path: path, range: option.range, setBy: "--region", service: service,
                operation: operation)
        }
        for name in ContextResolver.regionVariables {
            guard
                let assignment = command.assignments.last(where: { $0.name == name })
                    ?? command.environment.last(where: { $0.name == name })
            else { continue }
            let value = assignment.value
            guard value.isStatic, !value.text.isEmpty, CommandOptions.isRegionName(value.text) else { return nil }
            return CallRegion(
                region: value.text, path: path, range: value.fileRange(0..<value.text.utf8.count), setBy: name,
                service: service, operation: operation)
        }
        return nil
    }
}
