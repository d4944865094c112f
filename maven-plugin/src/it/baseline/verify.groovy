// The second build (profile compare): v1's open statement moved down five lines in v2 and is
// logged as unchanged (at INFO, not failing); the new statement's findings fail the build.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def role = new File(basedir, 'v2/role.json').absolutePath

assert new File(basedir, 'baseline.sarif').isFile()
assert log.contains("[INFO] ${role}:10:20: error AG101 Principal \"*\" lets any AWS account assume the role")
assert log.contains('or name the principals [unchanged]')
assert log.contains("[ERROR] ${role}:15:28: error AG106 Principal arn:aws:iam::999988887777:role/partner")
assert log.contains("[WARNING] ${role}:15:28: warning AG103 Principal arn:aws:iam::999988887777:role/partner")
assert log.contains('[INFO] assumeguard: 1 error, 1 warning in 1 file (1 unchanged in baseline)')
assert log.contains('assumeguard: 1 error, 1 warning at or above failOn=warning in 1 file; see the lines above')

def results = new JsonSlurper().parse(new File(basedir, 'target/assumeguard.sarif')).runs[0].results
assert results.collect { "${it.ruleId} ${it.baselineState}".toString() } == ['AG101 unchanged', 'AG103 new', 'AG106 new']
return true
