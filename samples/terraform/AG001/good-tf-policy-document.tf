data "aws_iam_policy_document" "ag001_good_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ag001_good" {
  name               = "ag001-good"
  assume_role_policy = data.aws_iam_policy_document.ag001_good_trust.json
}
