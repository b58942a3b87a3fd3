package dev.rapport.store.sql;

import dev.rapport.contract.AccountRulesContract;
import dev.rapport.contract.BlockAndPrivacyRulesContract;
import dev.rapport.contract.CompanyRulesContract;
import dev.rapport.contract.ConnectRulesContract;
import dev.rapport.contract.ContentRulesContract;
import dev.rapport.contract.EndorsementRulesContract;
import dev.rapport.contract.EventLogContract;
import dev.rapport.contract.FollowRulesContract;
import dev.rapport.contract.LimitRulesContract;
import dev.rapport.contract.MemberRulesContract;
import dev.rapport.contract.MessagingRulesContract;
import dev.rapport.contract.NetworkRulesContract;
import dev.rapport.contract.NotificationGroupingContract;
import dev.rapport.contract.NotificationKindsContract;
import dev.rapport.contract.NotificationRulesContract;
import dev.rapport.contract.OutreachRulesContract;
import dev.rapport.contract.PagePostRulesContract;
import dev.rapport.contract.ProfileRulesContract;
import dev.rapport.store.Store;
import org.junit.jupiter.api.Nested;

/** The rules of PRODUCT.md on SQLite: every group of the rules contract, each test on a fresh store. */
class SqliteRulesIT {
  @Nested
  class Members extends MemberRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Follow extends FollowRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }
  @Nested
  class Content extends ContentRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Messaging extends MessagingRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }


  @Nested
  class Connect extends ConnectRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Limits extends LimitRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class BlocksAndPrivacy extends BlockAndPrivacyRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Profile extends ProfileRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Network extends NetworkRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class EventLog extends EventLogContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Notifications extends NotificationRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class NotificationKinds extends NotificationKindsContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class NotificationGrouping extends NotificationGroupingContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Accounts extends AccountRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Companies extends CompanyRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Endorsements extends EndorsementRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class PagePosts extends PagePostRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }

  @Nested
  class Outreach extends OutreachRulesContract {
    @Override
    protected Store openStore() {
      return TestStores.freshSqlite();
    }
  }
}
