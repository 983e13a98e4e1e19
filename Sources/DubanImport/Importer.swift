// The importer: notice text -> Plan. (issue 4)
import DubanCore
