# The trust policy lives next to the module; findings point at trust.json lines.
resource "aws_iam_role" "support" {
  name               = "support-access"
  assume_role_policy = file("${path.module}/trust.json")
}
