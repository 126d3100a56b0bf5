#!/bin/sh
# A correct call: shorthand, quoting and continuations.
aws workmail put-identity-provider-configuration \
  --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode "IDENTITY_PROVIDER_AND_DIRECTORY" \
  --identity-center-configuration 'InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef' \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=030
