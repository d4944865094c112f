resource "aws_iam_role" "ag103_bad" {
  name               = "ag103-bad"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"AWS": "arn:aws:iam::210987654321:role/partner-reader"}
      }]
    }
  EOF
}
