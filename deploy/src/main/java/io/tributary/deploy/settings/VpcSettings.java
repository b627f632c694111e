package io.tributary.deploy.settings;

import java.util.List;

/**
 * An existing VPC for the tasks (the MSK cluster's, with Kafka). Imported from these attributes, so synthesis needs
 * no AWS credentials. Absent, the stack makes a VPC of its own (two zones, one NAT gateway, an S3 gateway endpoint).
 *
 * @param vpcId the VPC
 * @param availabilityZones the zones of {@code private-subnet-ids}, in the same order
 * @param privateSubnetIds subnets with a route to S3, CloudWatch, ECR and the source (NAT or VPC endpoints)
 */
public record VpcSettings(String vpcId, List<String> availabilityZones, List<String> privateSubnetIds) {

  public VpcSettings {
    Check.matches(vpcId, "vpc.vpc-id", java.util.regex.Pattern.compile("vpc-[0-9a-f]{8,17}"), "a VPC id");
    availabilityZones = List.copyOf(Check.required(availabilityZones, "vpc.availability-zones"));
    privateSubnetIds = List.copyOf(Check.required(privateSubnetIds, "vpc.private-subnet-ids"));
    if (privateSubnetIds.isEmpty() || privateSubnetIds.size() != availabilityZones.size()) {
      throw new IllegalArgumentException("vpc.private-subnet-ids: give one subnet per entry of vpc.availability-zones");
    }
  }
}
