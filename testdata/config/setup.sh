#!/bin/bash
# wmlint-disable-next-line authentication-mode-policy -- the kiosk organization signs in through IdC only
aws workmail put-identity-provider-configuration --organization m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::210987654321:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \
  --personal-access-token-configuration Status=INACTIVE,LifetimeInDays=365  # wmlint-disable-line enum-value

aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=120
