import WMLintModel
import WMLintSource
import WMLintSyntax

/// `application-not-from-workmail`: the `ApplicationArn` that `put-identity-provider-configuration` is given is
/// the output of `aws sso-admin create-application`, an application WorkMail cannot use; it must come from
/// `aws workmail create-identity-center-application`.
enum ApplicationNotFromWorkMailCheck {
    static func diagnostics(_ calls: ScriptCalls) -> [Diagnostic] {
        calls.pairings.compactMap { pairing in
            guard case .output(let substitution) = pairing.application.source,
                let origin = calls.outputs[substitution], case .foreignApplication = origin.output
            else { return nil }
            return Diagnostic(
                rule: .applicationNotFromWorkMail,
                message: "ApplicationArn is the application that \(origin.call) creates; WorkMail can use only "
                    + "an application created by 'aws workmail create-identity-center-application'",
                path: pairing.application.path, range: pairing.application.range,
                help: ["create the application with 'aws workmail create-identity-center-application'"],
                related: [
                    RelatedLocation(
                        message: "the application is created here", path: origin.path, range: origin.operationRange)
                ])
        }
    }
}
