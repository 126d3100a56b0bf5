#!/bin/sh
# A correct call: shorthand, quoting and continuations.
aws workmail put-identity-provider-configuration \
  --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode "IDENTITY_PROVIDER_AND_DIRECTORY" \
  --identity-center-configuration 'InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058' \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=030
