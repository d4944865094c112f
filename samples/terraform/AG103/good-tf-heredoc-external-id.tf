variable "partner_external_id" {
  type    = string
  default = "9f2c1d7e-partner"
}

resource "aws_iam_role" "ag103_good" {
  name               = "ag103-good"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"AWS": "arn:aws:iam::210987654321:role/partner-reader"},
        "Condition": {"StringEquals": {"sts:ExternalId": "${var.partner_external_id}"}}
      }]
    }
  EOF
}
