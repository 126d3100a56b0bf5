#!/usr/bin/env bash
# Create WorkMail's Identity Center application and connect the organization to it.
set -euo pipefail

ORG=m-0123456789abcdef0123456789abcdef
export AWS_REGION=us-east-1

INSTANCE=$(aws sso-admin list-instances --query 'Instances[0].InstanceArn' --output text)
APP=$(aws workmail create-identity-center-application --name "WorkMail prod" \
    --instance-arn "$INSTANCE" --query ApplicationArn --output text)

aws workmail put-identity-provider-configuration --region eu-west-1 \
    --organization-id "$ORG" \
    --authentication-mode IDENTITY_PROVIDER_AND_DIRECTORY \
    --identity-center-configuration InstanceArn=$INSTANCE,ApplicationArn=$APP \
    --personal-access-token-configuration Status=ACTIVE,LifetimeInDays=365

aws workmail list-personal-access-tokens --organization-id "$ORG" --max-results 500
