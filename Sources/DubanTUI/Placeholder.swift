import DubanCore
