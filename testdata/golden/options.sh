#!/bin/bash
aws --output jsn workmail put-identity-provider-configuration \
  --organization m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
  --organisation-id m-0123456789abcdef0123456789abcdef \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef \
  --personal-access-token-configuration Status=ACTIVE stray \
  --debug=yes --cli-read-timeout soon --no-paginate --query
