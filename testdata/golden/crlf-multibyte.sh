#!/bin/bash
# CRLF line endings and multi-byte text: 日本語 😀
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef --authentication-mode IDENTITY_PROVIDER_ONLY --identity-center-configuration "InstanceArn=😀,ApplicationArn=日本" --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=٣٠,Extra=x
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef --identity-center-configuration InstanceArn=arn:aws:sso:::instance/ssoins-7907b3c6f1a2d845,ApplicationArn=arn:aws:sso::508193746210:application/ssoins-7907b3c6f1a2d845/apl-4f1c9e2b7a6d3058 --personal-access-token-configuration Status=ACTIVE --authentication-mode IDENTITY_PROVIDER_ONLY
