#!/bin/bash
# Several fixable mistakes in one script; `wmlint --fix` must turn it into setup.sh.fixed.golden.
aws workmail put-identity-provider-configuration --organization m-0123456789ABCDEF0123456789ABCDEF \
  --authentication-mode identity_provider_and_directory \
  --identity-center-configuration "InstanceArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058,ApplicationArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845" \
  --personal-access-token-configuration '{"Status": "inactive", "LifetimeInDays": 30}'  # wmlint-disable-line enum-value, region-unsupported

aws workmail put-identity-provider-configuration --cli-input-json fileb://request.json
