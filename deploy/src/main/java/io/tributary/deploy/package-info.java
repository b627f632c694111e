/**
 * The AWS CDK app that runs Tributary on ECS Fargate: {@link io.tributary.deploy.DeployApp} reads the settings file
 * named by the CDK context and synthesizes one {@link io.tributary.deploy.TributaryStack}.
 */
package io.tributary.deploy;
