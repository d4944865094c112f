# "action" is not an argument of a statement block: Terraform rejects the configuration,
# and the statement would have no actions.
data "aws_iam_policy_document" "ag001_bad_trust" {
  statement {
    action = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ag001_bad" {
  name               = "ag001-bad"
  assume_role_policy = data.aws_iam_policy_document.ag001_bad_trust.json
}
