#!/bin/bash
# Several fixable mistakes in one script; `wmlint --fix` must turn it into setup.sh.fixed.golden.
aws workmail put-identity-provider-configuration --organization m-0123456789ABCDEF0123456789ABCDEF \
  --authentication-mode identity_provider_and_directory \
  --identity-center-configuration "InstanceArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef,ApplicationArn=arn:aws:sso:::instance/ssoins-1234567890abcdef" \
  --personal-access-token-configuration '{"Status": "inactive", "LifetimeInDays": 30}'  # wmlint-disable-line enum-value, region-unsupported

aws workmail put-identity-provider-configuration --cli-input-json fileb://request.json
