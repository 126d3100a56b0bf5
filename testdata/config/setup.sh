#!/bin/bash
# wmlint-disable-next-line authentication-mode-policy -- the kiosk organization signs in through IdC only
aws workmail put-identity-provider-configuration --organization m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::210987654321:application/ssoins-1234567890abcdef/apl-1234567890abcdef \
  --personal-access-token-configuration Status=INACTIVE,LifetimeInDays=365  # wmlint-disable-line enum-value

aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
  --authentication-mode IDENTITY_PROVIDER_ONLY \
  --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-1234567890abcdef,ApplicationArn=arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef \
  --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=120
