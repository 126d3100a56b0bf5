#!/bin/bash
aws --output jsn workmail put-identity-provider-configuration \
  --organization m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
  --organisation-id m-0123456789abcdef0123456789abcdef \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \
  --personal-access-token-configuration Status=ACTIVE stray \
  --debug=yes --cli-read-timeout soon --no-paginate --query
